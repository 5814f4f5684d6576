#!/usr/bin/env bash
# Install the Debian/Ubuntu packages Marsad's demo and tests need, when they are missing:
#   Java 17 (runs the local Kafka broker), Maven (resolves Kafka's jars from Maven Central),
#   kcat (a third-party Kafka client the integration tests publish with),
#   openssl (the local broker's TLS mode makes its test certificates with it),
#   prometheus + promtool (the tests check configs and scrape a worker with it).
# Idempotent: installs nothing when everything is there. Needs root or sudo for apt-get.
set -euo pipefail

want=()
command -v java >/dev/null 2>&1 || want+=(openjdk-17-jre-headless)
command -v mvn >/dev/null 2>&1 || want+=(maven)
if [[ "${1:-}" != "--demo" ]]; then
  command -v kcat >/dev/null 2>&1 || want+=(kcat)
  command -v openssl >/dev/null 2>&1 || want+=(openssl)
  command -v promtool >/dev/null 2>&1 || want+=(prometheus)
fi
((${#want[@]})) || exit 0

echo "installing system packages: ${want[*]}" >&2
sudo=()
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
  else
    echo "error: need root (or sudo) to install: ${want[*]}; install them with apt-get and retry" >&2
    exit 1
  fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: no apt-get on this machine; install these packages by hand: ${want[*]}" >&2
  exit 1
fi
"${sudo[@]}" apt-get update -qq
# The prometheus package would start a system service on :9090; tests run their own on another port.
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${want[@]}" >/dev/null
