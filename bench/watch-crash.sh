#!/usr/bin/env bash
# The watch crash test with more kills than CI runs: SIGKILL at random moments, restart, check the end state.
# Usage: bench/watch-crash.sh [KILLS]   (default 500; CI runs 50 inside `swift test`)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --build-tests
REMIT_WATCH_KILLS="${1:-500}" swift test --skip-build --filter WatchCrashTests
