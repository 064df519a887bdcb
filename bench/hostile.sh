#!/usr/bin/env bash
# bench/hostile.sh — how long `./policy-check check` takes on a 1 MiB city file (the largest it
# reads) of each pathological shape that once stalled it: runs of digits or spaces in a value
# (backtracking regular expressions, 37-38 s on 40,000 characters), an exponent of a million
# digits, one token of a megabyte (SnakeYAML's reader copied its window per 1,024 characters),
# 100,000 unknown keys, and a compliant city padded with a megabyte-long comment for reference.
# Each file is checked cold, as a user runs it (JVM start-up included), RUNS times; the median is
# printed. The goal (issue 17): every shape under 5 seconds.
#
# A benchmark, not a test: it asserts nothing (HostileInputTest feeds the same shapes and checks
# the answers). Timings depend on the machine's load, which is printed alongside.
#
#   bench/hostile.sh            # 3 runs per shape
#   RUNS=5 bench/hostile.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
runs="${RUNS:-3}"
out="target/bench/hostile"
mkdir -p "$out"
./policy-check --version >/dev/null

mib=$((1024 * 1024))
# fill FILE HEAD CHAR TAIL: HEAD, then CHAR repeated, then TAIL, to exactly 1 MiB (CHAR one byte).
fill() {
  local file="$1" head="$2" char="$3" tail="$4" n
  n=$((mib - $(printf '%s' "$head" | wc -c) - $(printf '%s' "$tail" | wc -c)))
  { printf '%s' "$head"; head -c "$n" /dev/zero | tr '\0' "$char"; printf '%s' "$tail"; } > "$file"
}
emp=$'city: 测试市\nemployee:\n  annual_cap: '
fill "$out/leading-zero.yaml" "${emp}0" 1 $'x\n'
fill "$out/spaces.yaml" "${emp}1" ' ' $'z\n'
fill "$out/spaces-unit.yaml" "${emp}1" ' ' $'元\n'
fill "$out/digits.yaml" "$emp" 1 $'\n'
fill "$out/exponent.yaml" $'city: 测试市\nmaternity:\n  rate_pct: 1e-' 9 $'\n'
fill "$out/explicit-key.yaml" $'city: 测试市\n? ' k $'\n: 1\n'
fill "$out/quoted.yaml" "${emp}\"" x $'"\n'
fill "$out/comment.yaml" "$(cat src/test/resources/fixtures/compliant.yaml)"$'\n# ' '#' $'\n'
# folded plain scalar over 100,000 lines, and 100,000 unknown keys (cut at 1 MiB: the writer
# stops on a closed pipe, hence "|| true")
{ printf '%s' "${emp}1"; for ((i = 0; i < 180000; i++)); do printf '\n    1'; done; printf '\n'; } | head -c "$mib" > "$out/folded-lines.yaml" || true
{ printf 'city: 测试市\n'; for ((i = 0; i < 120000; i++)); do printf 'k%d: 1\n' "$i"; done; } | head -c "$mib" > "$out/unknown-keys.yaml" || true

median_ms() {
  local times=() i s e
  for ((i = 0; i < runs; i++)); do
    s=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    e=$(date +%s%N)
    times+=($(( (e - s) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

echo "== hostile 1 MiB inputs — $(date -u +%Y-%m-%dT%H:%MZ), load $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
printf '%-34s %8s %6s\n' "file" "ms" "exit"
printf '%-34s %8s %6s\n' "compliant.yaml (reference, 3 KB)" \
  "$(median_ms ./policy-check check src/test/resources/fixtures/compliant.yaml)" "-"
for f in "$out"/*.yaml; do
  code=0
  ./policy-check check "$f" >/dev/null 2>&1 || code=$?
  printf '%-34s %8s %6s\n' "$(basename "$f") ($(($(wc -c < "$f") / 1024)) KB)" "$(median_ms ./policy-check check "$f")" "$code"
done
