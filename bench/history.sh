#!/usr/bin/env bash
# bench/history.sh — how long `policy-check history` takes over a history of N commits (default
# 100). Builds a temporary git repository: the first commit holds city-policies/ as it is, each
# further commit changes one city file (Shenyang's outpatient deductibles go back and forth
# between 200 and 300, the other cities get a note), one day apart. Then times, in fresh JVMs
# through the launcher (median of RUNS runs, default 5):
#   history --format json              each state as of its commit's date
#   history --as-of 2026-12-31         every state as of one date (a file state checked once)
#   history --out DIR                  the same, also writing history.csv/.json/.html
# and in one JVM (bench/HistoryWalk.java): the walk alone, without the JVM's start and the rule
# base's build, as the median of ROUNDS walks (default 5).
# A benchmark, not a test: it asserts nothing; the machine's load is printed alongside.
#
#   bench/history.sh               # 100 commits
#   N=300 RUNS=3 bench/history.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
n="${N:-100}"
runs="${RUNS:-5}"
rounds="${ROUNDS:-5}"

./policy-check --version >/dev/null # builds the jar (and its class-data archive) when stale
repo="$(mktemp -d)"
trap 'rm -rf "$repo"' EXIT

git -C "$repo" init -q -b main
cp -r city-policies "$repo/"
commit() { # $1: day number, $2: message
  local when
  when="$(date -u -d "2026-01-01 +$1 days" +%Y-%m-%dT10:00:00+08:00)"
  git -C "$repo" add -A
  GIT_AUTHOR_DATE="$when" GIT_COMMITTER_DATE="$when" \
    git -C "$repo" -c user.name=bench -c user.email=bench@localhost -c commit.gpgsign=false commit -q -m "$2"
}
commit 0 "city-policies as they are"
files=("$repo"/city-policies/*.yaml)
for ((i = 1; i < n; i++)); do
  f="${files[$((i % ${#files[@]}))]}"
  if [[ "$f" == */shenyang.yaml ]]; then
    if grep -q 'tier: 1, deductible: 200, in_service_pct: 70' "$f"; then
      sed -i 's/tier: 1, deductible: 200, in_service_pct: 70/tier: 1, deductible: 300, in_service_pct: 70/' "$f"
    else
      sed -i 's/tier: 1, deductible: 300, in_service_pct: 70/tier: 1, deductible: 200, in_service_pct: 70/' "$f"
    fi
  else
    printf '# 第 %d 次修改\n' "$i" >> "$f"
  fi
  commit "$i" "change $i: $(basename "$f")"
done

median_ms() {
  local times=() i s e
  for ((i = 0; i < runs; i++)); do
    s=$(date +%s%N)
    "$@" >/dev/null 2>&1
    e=$(date +%s%N)
    times+=($(( (e - s) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'
}

echo "== policy-check history — $(date -u +%Y-%m-%dT%H:%MZ)"
echo "machine: $(nproc) cores; $(java -version 2>&1 | head -1); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "repository: $n commits touching city-policies/ ($(ls "$repo"/city-policies/*.yaml | wc -l) city files); median of $runs cold runs"
echo "hello-world floor (./policy-check --version):  $(median_ms ./policy-check --version) ms"
echo "history --format json (as of each commit):     $(median_ms ./policy-check history "$repo/city-policies" --format json) ms"
echo "history --as-of 2026-12-31 --format json:      $(median_ms ./policy-check history "$repo/city-policies" --as-of 2026-12-31 --format json) ms"
echo "history --out DIR (csv, json, html):           $(median_ms ./policy-check history "$repo/city-policies" --out "$repo/out") ms"
echo "check city-policies/ (one state, for scale):   $(median_ms ./policy-check check "$repo/city-policies") ms"
mkdir -p target/bench
javac -d target/bench -cp target/policy-check.jar bench/HistoryWalk.java
echo "in one JVM (bench/HistoryWalk.java, $rounds rounds after the first):"
java -cp target/policy-check.jar:target/bench HistoryWalk "$repo/city-policies" "$rounds" | sed 's/^/  /'
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
