#!/usr/bin/env bash
# Precision and recall of `remit reconcile` on generated matching scenarios: for each noise level and seed,
# `remit-bench scenario` writes a book and its remittances, the built `remit` reconciles them against the
# export in each shipped layout, and `remit-bench score` compares matches.jsonl with truth.jsonl.
# Usage: bench/match-scenarios.sh [INVOICES [SEEDS [LEVELS [LAYOUTS]]]]
#   defaults: 5000 "1 2 3" "none low moderate high" "generic sap-fbl5n netsuite quickbooks-aging oracle-receivables"
# Matching does not depend on the build's optimisation, so the debug build is used; BIN=.build/release to change.
set -euo pipefail
cd "$(dirname "$0")/.."
invoices="${1:-5000}"
seeds="${2:-1 2 3}"
levels="${3:-none low moderate high}"
layouts="${4:-generic sap-fbl5n netsuite quickbooks-aging oracle-receivables}"
bin="${BIN:-.build/debug}"
if [ -z "${BIN:-}" ]; then
    swift build --product remit > /dev/null
    swift build --product remit-bench > /dev/null
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

printf '%-9s %5s %7s %7s %7s %7s %6s %10s %9s %6s\n' \
    level runs lines answer applied right wrong precision recall traps
for level in $levels; do
    : > "$work/rows"
    for seed in $seeds; do
        dir="$work/$level-$seed"
        "$bin/remit-bench" scenario --noise "$level" --seed "$seed" --invoices "$invoices" --out "$dir" > /dev/null
        for layout in $layouts; do
            export_file="$(ls "$dir"/open-items."$layout".*)"
            status=0
            "$bin/remit" reconcile --invoices "$export_file" --invoice-layout "$layout" \
                --run-time 2026-12-05T00:00:00Z --out "$dir/out-$layout" "$dir"/remittances/* \
                2> "$dir/stderr-$layout" || status=$?
            if [ "$status" -gt 1 ]; then
                echo "remit reconcile failed ($status) on $level seed $seed $layout:" >&2
                tail -3 "$dir/stderr-$layout" >&2
                exit 1
            fi
            "$bin/remit-bench" score --truth "$dir/truth.jsonl" --matches "$dir/out-$layout/matches.jsonl" \
                > "$dir/score-$layout"
            # overall: lines answer applied right wrong suggested missing; traps: wrong ones summed.
            overall="$(awk '$1 == "overall" { print $2, $3, $4, $5, $6 }' "$dir/score-$layout")"
            traps="$(awk '/^traps/ { on = 1; next } on && NF == 0 { on = 0 } on { sum += $6 } END { print sum + 0 }' \
                "$dir/score-$layout")"
            echo "$overall $traps" >> "$work/rows"
            grep -A1000 '^wrong applications: [1-9]' "$dir/score-$layout" | sed -n '2,/^$/p' | grep . \
                | sed "s/^/  [$level seed $seed $layout]/" >> "$work/wrong" || true
            # Why lines with an answer were not applied: "count  what" lines, summed per level below.
            sed -n '/^lines with an answer not applied rightly/,/^$/p' "$dir/score-$layout" | sed -n '2,$p' \
                | grep . | sed "s/^ *//; s/^\([0-9]*\)  /\1\t$level\t/" >> "$work/misses" || true
        done
    done
    awk -v level="$level" '
        { runs++; lines += $1; answer += $2; applied += $3; right += $4; wrong += $5; traps += $6 }
        END {
            precision = applied ? sprintf("%.2f %%", int(right * 10000 / applied) / 100) : "n/a"
            recall = answer ? sprintf("%.2f %%", int(right * 10000 / answer) / 100) : "n/a"
            printf "%-9s %5d %7d %7d %7d %7d %6d %10s %9s %6d\n", level, runs, lines, answer, applied, right, wrong, \
                precision, recall, traps
        }' "$work/rows"
done
if [ -s "$work/wrong" ]; then
    echo "wrong applications:"
    cat "$work/wrong"
fi
if [ -s "$work/misses" ]; then
    echo "lines with an answer not applied rightly, by what remit decided (all runs of a level):"
    awk -F '\t' '{ sum[$2 "\t" $3] += $1 } END { for (key in sum) print sum[key] "\t" key }' "$work/misses" \
        | sort -t "$(printf '\t')" -k2,2 -k1,1nr | awk -F '\t' '{ printf "  %-9s %6d  %s\n", $2, $1, $3 }'
fi
