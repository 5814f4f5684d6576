"""Draw the figures of docs/benchmarks.md from the JSON results (needs matplotlib, a dev/bench dependency).

Usage:
    .venv/bin/python benchmarks/plot.py [--results benchmarks/results] [--out docs/benchmarks]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

REPO = Path(__file__).resolve().parents[1]
STYLE = {"pipeline": ("tab:red", "marsad worker"), "passthrough": ("tab:blue", "Faust passthrough (no-op stages)"),
         "bare": ("tab:green", "bare aiokafka relay")}  # fmt: skip


def latency_plot(e2e: dict, out: Path) -> None:
    fig, ax = plt.subplots(figsize=(10, 4.5))
    for kind, result in e2e["systems"].items():
        color, label = STYLE[kind]
        rates = [r["offered_per_s"] for r in result["latency"]]
        ax.plot(rates, [r["p50"] for r in result["latency"]], "o--", color=color, label=f"{label} p50")
        ax.plot(rates, [r["p99"] for r in result["latency"]], "s-", color=color, label=f"{label} p99")
        capacity = result["throughput"]["articles_per_s"]
        if kind == "pipeline" and capacity == capacity:
            ax.axvline(capacity, color=color, alpha=0.3, lw=6, label=f"worker max throughput ({capacity:.0f}/s)")
    ax.scatter([20], [250], marker="*", s=200, color="black", zorder=5, label="target: p99 ≤ 250 ms at 20/s")
    ax.set_xscale("log")
    ax.set_yscale("log")
    rates = sorted({r["offered_per_s"] for res in e2e["systems"].values() for r in res["latency"]})
    ax.set_xticks(rates, [f"{r:g}" for r in rates])
    ax.minorticks_off()
    ax.set_xlabel("offered load (articles/s, open loop)")
    ax.set_ylabel("publish → enriched record received (ms)")
    ax.set_title(f"End-to-end latency, one worker ({e2e['environment_before']['date']})")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    fig.tight_layout()
    fig.savefig(out / "latency_vs_load.png", dpi=110)
    plt.close(fig)


def stage_plot(stages: dict, steps: dict, out: Path) -> None:
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.5), gridspec_kw={"width_ratios": [1, 1.6]})
    labels = ["normalize", "extract", "normalize+extract"]
    values = [stages[k] for k in ("normalize_articles_per_s", "extract_articles_per_s", "both_articles_per_s")]
    bars = left.bar(labels, values, color=["tab:blue", "tab:orange", "tab:purple"])
    left.bar_label(bars, fmt="%.0f")
    left.axhline(150, color="black", ls="--", lw=1, label="target 150/s (normalize+extract)")
    left.set_ylabel("seed-sized articles/s, one core")
    left.set_title("Stages in-process (bench_stages.py)")
    left.legend(fontsize=8)
    ms = steps["ms_per_article"]
    names = list(ms)[::-1]
    colors = ["tab:orange" if n.startswith("extract") else "tab:blue" for n in names]
    bars = right.barh(names, [ms[n] for n in names], color=colors)
    right.bar_label(bars, fmt="%.2f", fontsize=8)
    right.set_xlabel(f"ms of CPU per article (corpus mean {steps['mean_body_chars']} chars)")
    right.set_title(f"Worker per-message steps ({steps['articles_per_cpu_s']:.0f} articles per CPU-second)")
    fig.tight_layout()
    fig.savefig(out / "stage_throughput.png", dpi=110)
    plt.close(fig)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--results", type=Path, default=REPO / "benchmarks" / "results")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "benchmarks")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    e2e = args.results / "e2e.json"
    if e2e.exists():
        latency_plot(json.loads(e2e.read_text()), args.out)
    stages, steps = args.results / "stages.json", args.results / "worker_steps.json"
    if stages.exists() and steps.exists():
        stage_plot(json.loads(stages.read_text()), json.loads(steps.read_text()), args.out)
    print(sorted(str(p) for p in args.out.glob("*.png")))


if __name__ == "__main__":
    main()
