"""Run every benchmark in sequence, keep their JSON in benchmarks/results/, then draw the plots.

Needs the local broker (``deploy/kafka/kafka.sh start``) or KAFKA_BOOTSTRAP_SERVERS. Every benchmark
creates its own ``bench<hex>.`` topics and stops the processes it started. About 20 minutes in full;
``--quick`` runs a smoke version in about 3.

Usage:
    .venv/bin/python benchmarks/run_all.py [--quick] [--only stages,steps,e2e,scale,memory] [--results DIR]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

FULL = {
    "stages": ["bench_stages.py", "--seconds", "20"],
    "steps": ["bench_worker_steps.py", "--seconds", "10"],
    "e2e": ["bench_e2e.py", "--rates", "10,20,50,100", "--seconds", "20", "--backlog", "3000"],
    "scale": ["bench_scale.py", "--backlog", "2000"],
    "memory": ["bench_memory.py", "--articles", "10000", "--drift-seconds", "180", "--rate", "20"],
}
QUICK = {
    "stages": ["bench_stages.py", "--seconds", "3"],
    "steps": ["bench_worker_steps.py", "--seconds", "3"],
    "e2e": ["bench_e2e.py", "--rates", "10,50", "--seconds", "4", "--backlog", "200"],
    "scale": ["bench_scale.py", "--backlog", "200"],
    "memory": ["bench_memory.py", "--articles", "200", "--drift-seconds", "10", "--sample", "2"],
}
NAMES = {"stages": "stages", "steps": "worker_steps", "e2e": "e2e", "scale": "scale", "memory": "memory"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", default=",".join(FULL))
    parser.add_argument("--results", type=Path, default=HERE / "results")
    args = parser.parse_args()
    plan = QUICK if args.quick else FULL
    args.results.mkdir(parents=True, exist_ok=True)
    failed = []
    for name in args.only.split(","):
        command = [sys.executable, str(HERE / plan[name][0]), *plan[name][1:]]
        command += ["--json", str(args.results / f"{NAMES[name]}.json")]
        print(f"== {name}: load {os.getloadavg()[0]:.2f}: {' '.join(command)}", flush=True)
        start = time.monotonic()
        code = subprocess.run(command, cwd=HERE, stdout=subprocess.DEVNULL).returncode
        print(f"== {name}: exit {code} in {time.monotonic() - start:.0f}s", flush=True)
        if code:
            failed.append(name)
    subprocess.run([sys.executable, str(HERE / "plot.py"), "--results", str(args.results)], check=False)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
