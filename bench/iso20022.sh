#!/usr/bin/env bash
# Throughput and peak memory of the ISO 20022 reader against `xmllint --stream --noout` on one synthetic
# camt.054. Usage: bench/iso20022.sh [SIZE_MB] (default 500). Needs xmllint (Debian: libxml2-utils) and
# GNU time. The file is written under ${TMPDIR:-/tmp} and removed afterwards.
#
# Two Remit figures are measured: `remit convert` end to end (records written as JSON Lines to a file),
# and, when `remit-bench iso20022 FILE` is wired into Sources/RemitBench/main.swift, the reader alone
# (records counted, not written; see ISO20022Bench.swift). Compare user CPU seconds when the machine is
# shared: wall time then depends on the neighbours.
set -euo pipefail
cd "$(dirname "$0")/.."
size="${1:-500}"
file="${TMPDIR:-/tmp}/remit-bench-camt054-${size}mb.xml"
out="${TMPDIR:-/tmp}/remit-bench-camt054-${size}mb.jsonl"
trap 'rm -f "$file" "$out"' EXIT

python3 bench/make-camt054.py "$file" "$size"
swift build -c release --product remit >/dev/null
swift build -c release --product remit-bench >/dev/null
cat "$file" >/dev/null  # into the page cache

format="%e s wall, %U s user, %S s sys, %M KB peak RSS"
/usr/bin/time -f "xmllint --stream: $format" xmllint --stream --noout "$file"
if .build/release/remit-bench iso20022 2>/dev/null | grep -q 'usage: remit-bench iso20022'; then
    /usr/bin/time -f "remit reader only: $format" .build/release/remit-bench iso20022 "$file"
fi
/usr/bin/time -f "remit convert: $format" .build/release/remit convert -o "$out" "$file"
