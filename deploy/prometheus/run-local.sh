#!/usr/bin/env bash
# Run Debian's prometheus (apt-get install prometheus) on loopback against local Marsad workers, without Docker.
# It writes its own config (job "marsad", the rules of deploy/prometheus/rules.yml) into the data directory,
# checks it with promtool, then runs prometheus in the foreground: Ctrl-C stops it.
#
# Usage: deploy/prometheus/run-local.sh [run|config|check]
#   run     (default) write the config, check it, exec prometheus on 127.0.0.1:$PROMETHEUS_PORT
#   config  print the config it would use, and exit
#   check   write the config and check it with promtool (config and rules), and exit
#
# Environment:
#   MARSAD_METRICS_TARGETS      host:port of each worker, comma-separated (default 127.0.0.1:${MARSAD_WEB_PORT:-6066})
#   PROMETHEUS_PORT             listen port on 127.0.0.1 (default 9090)
#   PROMETHEUS_DATA             storage and rendered config (default <repo>/var/prometheus)
#   PROMETHEUS_SCRAPE_INTERVAL  scrape and rule evaluation interval (default 15s)
#   PROMETHEUS_RETENTION        how long samples are kept (default 7d)
#   PROMETHEUS_BIN, PROMTOOL_BIN  the binaries (default: from PATH)
set -euo pipefail

readonly SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly REPO_ROOT="$(cd "${SCRIPT_DIR}/../.." && pwd)"
readonly RULES="${SCRIPT_DIR}/rules.yml"

TARGETS="${MARSAD_METRICS_TARGETS-127.0.0.1:${MARSAD_WEB_PORT:-6066}}"
PORT="${PROMETHEUS_PORT:-9090}"
DATA="${PROMETHEUS_DATA:-${REPO_ROOT}/var/prometheus}"
INTERVAL="${PROMETHEUS_SCRAPE_INTERVAL:-15s}"
RETENTION="${PROMETHEUS_RETENTION:-7d}"
PROMETHEUS="${PROMETHEUS_BIN:-prometheus}"
PROMTOOL="${PROMTOOL_BIN:-promtool}"

die() {
    printf 'run-local.sh: error: %s\n' "$*" >&2
    exit 1
}

need() {
    command -v "$1" >/dev/null 2>&1 ||
        die "$1 not found: install Debian's prometheus package (scripts/install-system-deps.sh does)"
}

TARGET_LIST=()

parse_targets() {
    local target
    local -a raw
    IFS=',' read -r -a raw <<<"${TARGETS}"
    for target in "${raw[@]}"; do
        target="${target// /}"
        [[ -n "${target}" ]] || continue
        [[ "${target}" =~ ^[A-Za-z0-9._-]+:[0-9]+$ ]] || die "bad target '${target}' in MARSAD_METRICS_TARGETS (want host:port)"
        TARGET_LIST+=("${target}")
    done
    ((${#TARGET_LIST[@]})) || die "MARSAD_METRICS_TARGETS is empty"
}

render_config() {
    local target
    cat <<EOF
# Written by deploy/prometheus/run-local.sh; edit deploy/prometheus/rules.yml or the environment, not this file.
global:
  scrape_interval: ${INTERVAL}
  evaluation_interval: ${INTERVAL}
  external_labels:
    monitor: marsad-local
rule_files:
  - "${RULES}"
scrape_configs:
  - job_name: marsad
    metrics_path: /metrics
    static_configs:
      - targets:
EOF
    for target in "${TARGET_LIST[@]}"; do
        printf '          - "%s"\n' "${target}"
    done
    cat <<EOF
  - job_name: prometheus
    static_configs:
      - targets:
          - "127.0.0.1:${PORT}"
EOF
}

write_config() {
    mkdir -p "${DATA}/tsdb"
    render_config >"${DATA}/prometheus.yml"
    need "${PROMTOOL}"
    "${PROMTOOL}" check config "${DATA}/prometheus.yml" >/dev/null ||
        die "promtool rejected ${DATA}/prometheus.yml (run: ${PROMTOOL} check config ${DATA}/prometheus.yml)"
}

case "${1:-run}" in
config | check | run) parse_targets ;;
esac

case "${1:-run}" in
config)
    render_config
    ;;
check)
    write_config
    printf 'run-local.sh: %s is valid (targets: %s)\n' "${DATA}/prometheus.yml" "${TARGETS}"
    ;;
run)
    [[ "${PORT}" =~ ^[0-9]+$ ]] || die "PROMETHEUS_PORT must be a number"
    need "${PROMETHEUS}"
    write_config
    printf 'run-local.sh: prometheus on http://127.0.0.1:%s scraping %s every %s (data in %s)\n' \
        "${PORT}" "${TARGETS}" "${INTERVAL}" "${DATA}" >&2
    exec "${PROMETHEUS}" \
        --config.file="${DATA}/prometheus.yml" \
        --storage.tsdb.path="${DATA}/tsdb" \
        --storage.tsdb.retention.time="${RETENTION}" \
        --web.listen-address="127.0.0.1:${PORT}" \
        --web.enable-lifecycle
    ;;
-h | --help | help)
    sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
    ;;
*)
    die "unknown command '$1' (run, config, check or help)"
    ;;
esac
