#!/usr/bin/env bash
# Times `copydesk check --format json` over a corpus against `cat FILES | wc -w` over the same
# files, alternating runs, and prints medians, their ratio and peak memory.
#
#   bench/archive.sh [CORPUS_DIR] [RUNS]
#
# With no CORPUS_DIR it uses ../shared/corpus/bbc when present, else a corpus generated from
# samples/ (the samples copied 300 times under different names).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-}
runs=${2:-7}
if [ -z "$corpus" ]; then
  if [ -d ../shared/corpus/bbc ]; then
    corpus=../shared/corpus/bbc
  else
    corpus=$(mktemp -d)
    trap 'rm -rf "$corpus"' EXIT
    for i in $(seq 1 300); do
      for f in samples/*.txt samples/*.md; do
        cp "$f" "$corpus/$i-$(basename "$f")"
      done
    done
  fi
fi
cargo build --release --quiet
bin=target/release/copydesk
list=$(mktemp)
find "$corpus" -type f \( -name '*.txt' -o -name '*.md' -o -name '*.markdown' \) | sort >"$list"
files=$(wc -l <"$list")
bytes=$(xargs -d '\n' cat <"$list" | wc -c)

now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# warm the page cache and the binary
xargs -d '\n' cat <"$list" | wc -w >/dev/null
"$bin" check --format json --fail-on never "$corpus" >/dev/null

lint_times=(); wc_times=()
for _ in $(seq 1 "$runs"); do
  t0=$(now); xargs -d '\n' cat <"$list" | wc -w >/dev/null; t1=$(now)
  wc_times+=("$(echo "$t1 - $t0" | bc -l)")
  t0=$(now); "$bin" check --format json --fail-on never "$corpus" >/dev/null; t1=$(now)
  lint_times+=("$(echo "$t1 - $t0" | bc -l)")
done
wc_med=$(printf '%s\n' "${wc_times[@]}" | median)
lint_med=$(printf '%s\n' "${lint_times[@]}" | median)
ratio=$(echo "$lint_med / $wc_med" | bc -l)

peak=$( { /usr/bin/time -v "$bin" check --format json --fail-on never "$corpus" >/dev/null; } 2>&1 \
  | awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}')

printf 'corpus            %s (%d files, %d bytes)\n' "$corpus" "$files" "$bytes"
printf 'runs              %d, alternating\n' "$runs"
printf 'cat | wc -w       median %.3f s\n' "$wc_med"
printf 'copydesk check    median %.3f s\n' "$lint_med"
printf 'ratio             %.2fx\n' "$ratio"
printf 'peak memory       %.1f MB\n' "$(echo "${peak:-0} / 1024" | bc -l)"
rm -f "$list"
