#!/usr/bin/env bash
# Throughput and peak memory of the ISO 20022 reader against `xmllint --stream --noout` on one synthetic
# camt.054, run back to back ROUNDS times. Usage: bench/iso20022.sh [SIZE_MB [ROUNDS]] (default 500, 5).
# Needs xmllint (Debian: libxml2-utils) and GNU time; CI does not run it. The file is written under
# ${TMPDIR:-/tmp} by `remit-bench generate camt054` and removed afterwards.
#
# Three figures per round: xmllint, the reader alone (`remit-bench iso20022`: records built and counted,
# not written; libxml2 on a thread of its own), and the reader on one thread (`--single-thread`). The
# machine may be shared: compare the figures of the same round, and the minimum and median over rounds.
set -euo pipefail
cd "$(dirname "$0")/.."
size="${1:-500}"
rounds="${2:-5}"
file="${TMPDIR:-/tmp}/remit-bench-camt054-${size}mb.xml"
trap 'rm -f "$file"' EXIT

swift build -c release --product remit-bench >/dev/null
.build/release/remit-bench generate camt054 "$((size * 1000000))" "$file"
cat "$file" >/dev/null  # into the page cache

format="%e s wall, %U s user, %S s sys, %M KB peak RSS"
for round in $(seq "$rounds"); do
    echo "round $round"
    /usr/bin/time -f "  xmllint --stream: $format" xmllint --stream --noout "$file"
    /usr/bin/time -f "  remit reader: $format" .build/release/remit-bench iso20022 "$file"
    /usr/bin/time -f "  remit reader, one thread: $format" .build/release/remit-bench iso20022 --single-thread "$file"
done
