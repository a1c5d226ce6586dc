#!/usr/bin/env bash
# Latency (small file closed -> report complete) and throughput (N small files dropped at once) of
# `remit watch`, measured with a release build. Usage: bench/watch-speed.sh [FILES [WORKERS]]   (default 1000 1)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product remit
swift build --build-tests
REMIT_EXECUTABLE="$PWD/.build/release/remit" REMIT_WATCH_SAMPLES=50 REMIT_WATCH_THROUGHPUT="${1:-1000}" \
    REMIT_WATCH_WORKERS="${2:-1}" \
    swift test --skip-build --filter WatchLatencyTests 2>&1 | grep -E 'remit watch|✘|✔ Test run'
