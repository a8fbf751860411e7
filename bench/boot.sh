#!/usr/bin/env bash
# Boot comparisons only: fresh starts (and optionally restarts) of the baseline and the full
# distribution, alternating, with the CPU time of the JVM and of each of its threads at the first 200.
# A few minutes instead of the half hour of bench/run.sh; for work on boot time.
#
#   bench/boot.sh                      5 rounds of: baseline, full (fresh starts), the last build
#   BOOT_RUNS=3 RESTART=1 bench/boot.sh          also a restart of each right after its fresh start
#   BOOT_KINDS="baseline full x" TAR_x=/tmp/x.tar.gz bench/boot.sh
#                                      a variant distribution x alternating with the other two
#   EXTRA_JAVA_OPTS=-XX:StartFlightRecording=filename=/tmp/boot.jfr bench/boot.sh   (any JVM option)
#
# Writes bench/target/boot.jsonl (one line per boot), keeps each boot's data/log/karaf.log and its
# per-thread CPU in bench/target/boot-logs/, and prints the medians and their ratios to the
# baseline. Build first (the distribution: mvn install; the baseline: mvn package -f
# bench/baseline/pom.xml).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
. scripts/lib/java17.sh

BOOT_RUNS=${BOOT_RUNS:-5}
BOOT_KINDS=${BOOT_KINDS:-baseline full}
RESTART=${RESTART:-0}
work="$root/bench/target"
logs="$work/boot-logs"
mkdir -p "$work"
rm -rf "$logs" && mkdir -p "$logs"
raw="$work/boot.jsonl"
: > "$raw"
note() { echo "[boot] $*" >&2; }
. bench/lib.sh

[ -d bench/baseline/assembly/target/assembly ] || { echo "build the baseline first: mvn -B -q -DskipTests package -f bench/baseline/pom.xml" >&2; exit 1; }
for kind in $BOOT_KINDS; do
  [ "$kind" = baseline ] || [ -f "$(dist_tar "$kind")" ] || { echo "no archive for $kind" >&2; exit 1; }
done

current=""
trap '[ -z "$current" ] || stop "$current"' EXIT
for run in $(seq 1 "$BOOT_RUNS"); do
  for kind in $BOOT_KINDS; do
    if [ "$kind" = baseline ]; then probe=/hello/; else probe=/api/health; fi
    dir=$(unpack "$kind"); current=$dir
    starts="fresh"; [ "$RESTART" = 1 ] && starts="fresh restart"
    for how in $starts; do
      out=$(THREADS_OUT="$logs/$kind-$run-$how.threads.json" start "$dir" "$probe")
      read -r ms cpu <<< "$out"
      load=$(cut -d' ' -f1 /proc/loadavg)
      echo "{\"kind\":\"$kind\",\"run\":$run,\"start\":\"$how\",\"ms\":$ms,\"cpuMs\":$cpu,\"load\":$load,\"threads\":$(cat "$logs/$kind-$run-$how.threads.json")}" >> "$raw"
      note "run $run $kind $how: $ms ms, CPU $cpu ms (load $load)"
      sleep 2
      cp "$dir/data/log/karaf.log" "$logs/$kind-$run-$how.karaf.log" 2>/dev/null || true
      stop "$dir"
    done
    current=""
  done
done

python3 - "$raw" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
kinds = list(dict.fromkeys(r["kind"] for r in rows))
for how in dict.fromkeys(r["start"] for r in rows):
    med = {}
    for k in kinds:
        rs = [r for r in rows if r["kind"] == k and r["start"] == how]
        med[k] = (statistics.median(r["ms"] for r in rs), statistics.median(r["cpuMs"] for r in rs), len(rs))
    print(f"{how} start, medians of {med[kinds[0]][2]}:")
    for k in kinds:
        ms, cpu, n = med[k]
        ratio = ""
        if k != "baseline" and "baseline" in med:
            ratio = f"   {ms / med['baseline'][0]:.2f}x wall, {cpu / med['baseline'][1]:.2f}x CPU"
        print(f"  {k:10s} {ms:8.0f} ms wall {cpu:8.0f} ms CPU{ratio}")
    # the threads that used the CPU (median per thread name)
    for k in kinds:
        rs = [r for r in rows if r["kind"] == k and r["start"] == how]
        names = {n for r in rs for n in r["threads"]}
        top = sorted(((statistics.median(r["threads"].get(n, 0) for r in rs), n) for n in names), reverse=True)[:8]
        print(f"  {k} threads: " + ", ".join(f"{n} {v:.0f}" for v, n in top))
PY
