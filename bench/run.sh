#!/usr/bin/env bash
# bench/run.sh — builds policy-check and prints, in one run, every performance figure the README
# quotes: the median cold time of `./policy-check check city-policies/` next to the JVM
# hello-world floor and their ratio (runs interleaved, wall clock and CPU time); peak RSS of that
# cold check; the in-process throughput of check over N generated variants (parse + evaluate,
# evaluate alone, evaluate in sweep order, and the rule network alone without consequences) on one
# thread and on every core; a sweep of 50,451 combinations end to end; and a comparison of JVM flag
# sets for the cold check.
#
# A benchmark, not a test: it asserts nothing. Timings depend on the machine's load, which is
# printed alongside; run it on an otherwise idle machine.
#
#   bench/run.sh                 # everything (about 3 minutes on 2 cores)
#   RUNS=20 N=50000 bench/run.sh # more cold runs, more variants
#   FLAGS=0 bench/run.sh         # skip the flag comparison
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
runs="${RUNS:-10}"
n="${N:-20000}"
rounds="${ROUNDS:-5}"
jar="target/policy-check.jar"
out="target/bench"

# Build (through the launcher: it builds the jar when stale and makes the class-data archive).
./policy-check --version >/dev/null
mkdir -p "$out"
javac -d "$out" bench/Hello.java
printf 'Main-Class: Hello\n' > "$out/hello.mf"
jar cfm "$out/hello.jar" "$out/hello.mf" -C "$out" Hello.class
javac -d "$out" -cp "$jar" bench/Throughput.java

# Median wall time in ms of a command run $runs times (output discarded).
median_ms() {
  local times=() i s e
  for ((i = 0; i < runs; i++)); do
    s=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    e=$(date +%s%N)
    times+=($(( (e - s) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'
}

# Median peak RSS in MB (GNU time's %M, in KB) of a command run 5 times.
median_rss_mb() {
  local rss=() i
  for ((i = 0; i < 5; i++)); do
    rss+=($(/usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1))
  done
  printf '%s\n' "${rss[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.0f", a[int((NR+1)/2)] / 1024}'
}

echo "== policy-check benchmark — $(date -u +%Y-%m-%dT%H:%MZ)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); $(java -version 2>&1 | head -1)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo

echo "== cold start (median of $runs runs each, interleaved: hello, check, check --format json, hello, …)"
# Interleaved so that the machine's speed, which drifts, weighs on all three alike. Besides the wall
# clock, the CPU time (user + system, from GNU time) of each run: CPU time well above wall time means
# that the run kept both cores busy, so that only less work (not more parallelism) makes it faster.
tmp="$(mktemp)"
trap 'rm -f "$tmp"' EXIT
declare -A wall cpu
for ((i = 0; i < runs; i++)); do
  for what in hello check json; do
    case "$what" in
      hello) cmd=(java -jar "$out/hello.jar") ;;
      check) cmd=(./policy-check check city-policies/) ;;
      json) cmd=(./policy-check check city-policies/ --format json) ;;
    esac
    s=$(date +%s%N)
    if [ -x /usr/bin/time ]; then
      /usr/bin/time -f '%U %S' -o "$tmp" "${cmd[@]}" >/dev/null 2>&1 || true
      cpu[$what]+="$(tail -1 "$tmp" | awk '{printf "%d ", ($1 + $2) * 1000}')" # (after "Command exited with …")
    else
      "${cmd[@]}" >/dev/null 2>&1 || true
    fi
    e=$(date +%s%N)
    wall[$what]+="$(( (e - s) / 1000000 )) "
  done
done
median() {
  printf '%s\n' $1 | sort -n | awk '{a[NR]=$1} END {if (NR) print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'
}
hello=$(median "${wall[hello]}"); check=$(median "${wall[check]}"); json=$(median "${wall[json]}")
hello_cpu=$(median "${cpu[hello]:-}"); check_cpu=$(median "${cpu[check]:-}"); json_cpu=$(median "${cpu[json]:-}")
printf '%-42s %5s ms wall  %5s ms CPU\n' "JVM hello world (java -jar hello.jar):" "$hello" "${hello_cpu:-?}"
printf '%-42s %5s ms wall  %5s ms CPU\n' "./policy-check check city-policies/:" "$check" "${check_cpu:-?}"
printf '%-44s %5s ms wall  %5s ms CPU\n' "./policy-check check … --format json:" "$json" "${json_cpu:-?}"
awk -v c="$check" -v h="$hello" 'BEGIN {printf "ratio check / hello world:                 %.1f× (wall clock)\n", c / h}'
if [ -x /usr/bin/time ]; then
  echo "peak RSS of a cold check (median of 5):    $(median_rss_mb ./policy-check check city-policies/) MB"
else
  echo "peak RSS: /usr/bin/time not found (Debian/Ubuntu: apt-get install time)"
fi
echo

echo "== in-process throughput of check ($n generated variants)"
java -cp "$jar:$out" Throughput src/test/resources/fixtures/compliant.yaml "$n" "$rounds"
echo

echo "== sweep, end to end (./policy-check sweep in a new JVM, every core; its own timing line)"
./policy-check sweep city-policies/shenyang.yaml --as-of 2026-11-22 \
    --vary 'employee.outpatient.classes[*].deductible=100..600:2' --vary employee.annual_cap=60000..160000:500 \
  | grep '^组合' || true
echo

if [ "${FLAGS:-1}" != 0 ]; then
  echo "== JVM flags for the cold check (median of $runs runs, java -jar directly)"
  jsa="target/policy-check.jsa"
  quiet=(-Xlog:disable -Xlog:all=warning:stderr -Xlog:cds*=off:stderr)
  flagset() {
    printf '%-58s %5s ms\n' "$1" "$(median_ms java "${quiet[@]}" ${2:+$2} -jar "$jar" check city-policies/)"
  }
  flagset "(defaults)" ""
  flagset "-XX:TieredStopAtLevel=1" "-XX:TieredStopAtLevel=1"
  flagset "-XX:+UseSerialGC" "-XX:+UseSerialGC"
  flagset "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
  flagset "AppCDS archive" "-XX:SharedArchiveFile=$jsa"
  flagset "AppCDS + TieredStopAtLevel=1" "-XX:SharedArchiveFile=$jsa -XX:TieredStopAtLevel=1"
  flagset "AppCDS + TieredStopAtLevel=1 + SerialGC" "-XX:SharedArchiveFile=$jsa -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
  flagset "AppCDS + TieredStopAtLevel=1 + SerialGC + -UsePerfData" "-XX:SharedArchiveFile=$jsa -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData"
  flagset "… + CICompilerCount=1 (the launcher's set)" "-XX:SharedArchiveFile=$jsa -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -XX:CICompilerCount=1"
  flagset "the launcher's set with -Xshare:off (no CDS at all)" "-Xshare:off -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -XX:CICompilerCount=1"
  echo
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
