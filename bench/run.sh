#!/usr/bin/env bash
# Runs the benchmarks of Freelance Island and writes bench/results/latest.json and latest.md.
#
#   bench/run.sh              everything, the build included (under 15 minutes on 2 busy cores)
#   SKIP_BUILD=1 BOOT_RUNS=5 bench/run.sh      the last build, more boots (less noise)
#
# Every figure is measured side by side with a baseline in the same run and reported as a ratio,
# because these machines are noisy:
#   - boot to the first 200 of the full distribution vs a bare Karaf 4.4 + Pax Web + Jersey
#     assembly serving one hello resource (bench/baseline, built here);
#   - install and retire time of each program and the number of other bundles restarted;
#   - REST throughput and latency of read endpoints vs the hello endpoint in the same runtime (wrk);
#   - CPU time of the JVM to the first 200 (less sensitive than wall time to other load);
#   - resident memory after boot vs the baseline, and the live heap after a full GC;
#   - the programs' own benchmarks at scale (classes named *Benchmark in their test sources).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
. scripts/lib/java17.sh

BOOT_RUNS=${BOOT_RUNS:-3}
PROGRAM_ROUNDS=${PROGRAM_ROUNDS:-2}
WRK_SECONDS=${WRK_SECONDS:-10}
WRK_CONNECTIONS=${WRK_CONNECTIONS:-16}
work="$root/bench/target"
results="$root/bench/results"
mkdir -p "$work" "$results"
raw="$work/raw.jsonl"
: > "$raw"

note() { echo "[bench] $*" >&2; }
emit() { echo "$1" >> "$raw"; }

if ! command -v wrk >/dev/null 2>&1; then
  note "installing wrk (Debian package)"
  (apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null; }) \
    || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
fi

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  note "building the distribution and the baseline"
  mvn -B -q -DskipTests install
  mvn -B -q -DskipTests package -f bench/baseline/pom.xml
fi

. bench/lib.sh

# ---------------------------------------------------------------- boot and memory
note "boot to first 200: $BOOT_RUNS fresh starts of each, alternating"
for run in $(seq 1 "$BOOT_RUNS"); do
  for kind in baseline full; do
    if [ "$kind" = baseline ]; then probe=/hello/; else probe=/api/health; fi
    dir=$(unpack "$kind")
    out=$(start "$dir" "$probe"); read -r ms cpu <<< "$out"
    emit "{\"bench\":\"boot\",\"kind\":\"$kind\",\"run\":$run,\"fresh\":true,\"ms\":$ms,\"cpuMs\":$cpu}"
    sleep 5
    rss=$(rss_mb "$dir")
    emit "{\"bench\":\"rss\",\"kind\":\"$kind\",\"run\":$run,\"mb\":$rss,\"heapMb\":$(heap_mb "$dir")}"
    stop "$dir"
    out=$(start "$dir" "$probe"); read -r ms cpu <<< "$out"
    emit "{\"bench\":\"boot\",\"kind\":\"$kind\",\"run\":$run,\"fresh\":false,\"ms\":$ms,\"cpuMs\":$cpu}"
    stop "$dir"
    note "  run $run $kind done"
  done
done

# ---------------------------------------------------------------- programs and throughput
dir=$(unpack full)
start "$dir" /api/health >/dev/null
port=$(cat "$dir/.bench-port")
base="http://localhost:$port"
auth=(-u "admin:$admin_password")
cp bench/baseline/hello/target/bench-hello-*.jar "$dir/deploy/"
for _ in $(seq 1 600); do [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/hello/")" = 200 ] && break; sleep 0.1; done
# the web console's services.json tells restarted bundles: wait until it serves
for _ in $(seq 1 600); do [ "$(curl -s -o /dev/null -w '%{http_code}' "${auth[@]}" "$base/system/console/services.json")" = 200 ] && break; sleep 0.1; done

# services of each bundle: a bundle that was refreshed or restarted registers all its services
# again, with new ids; a bundle that only adds or withdraws some (platform-core publishes a
# DataSource for a program's persistence unit while the program is installed) was not restarted
snapshot() {
  curl -s "${auth[@]}" "$base/system/console/services.json" | python3 -c '
import json, sys
d = json.load(sys.stdin)
out = {}
for s in d["data"]:
    out.setdefault(s["bundleSymbolicName"], []).append(int(s["id"]))
print(json.dumps({k: sorted(v) for k, v in out.items()}))'
}
restarted_others() { # restarted_others <before> <after> <program bundle prefix>
  python3 - "$1" "$2" "$3" <<'PY'
import json, sys
before, after, own = json.loads(sys.argv[1]), json.loads(sys.argv[2]), sys.argv[3]
changed = [b for b in before if not b.startswith(own) and b in after and before[b] and not set(before[b]) & set(after[b])]
print(len(changed))
PY
}

programs=$(curl -s "${auth[@]}" "$base/api/admin/programs" | python3 -c 'import json,sys; print(" ".join(p["id"] for p in json.load(sys.stdin)["items"]))')
note "programs: ${programs:-none}"
for id in $programs; do
  for round in $(seq 1 "$PROGRAM_ROUNDS"); do
    before=$(snapshot)
    t0=$(now_ms)
    curl -s -f "${auth[@]}" -X POST "$base/api/admin/programs/$id/install" >/dev/null
    for _ in $(seq 1 600); do curl -s "$base/api/modules" | grep -q "\"id\":\"$id\"" && break; sleep 0.05; done
    install_ms=$(( $(now_ms) - t0 ))
    after=$(snapshot)
    install_restarted=$(restarted_others "$before" "$after" "org.freelanceisland.$id")
    before=$after
    t0=$(now_ms)
    curl -s -f "${auth[@]}" -X POST "$base/api/admin/programs/$id/retire" >/dev/null
    retire_ms=$(( $(now_ms) - t0 ))
    after=$(snapshot)
    retire_restarted=$(restarted_others "$before" "$after" "org.freelanceisland.$id")
    emit "{\"bench\":\"program\",\"id\":\"$id\",\"round\":$round,\"installMs\":$install_ms,\"retireMs\":$retire_ms,\"installRestartedOthers\":$install_restarted,\"retireRestartedOthers\":$retire_restarted}"
  done
  curl -s -f "${auth[@]}" -X POST "$base/api/admin/programs/$id/install" >/dev/null
done

# the demo island (200 islanders and what they did in every program), so that the lists below
# answer with typical pages rather than empty ones
if curl -s -f "${auth[@]}" -X POST "$base/api/demo/load" >/dev/null; then
  for _ in $(seq 1 600); do
    curl -s "${auth[@]}" "$base/api/demo" | grep -q '"loaded":true,"running":false' && break
    sleep 0.5
  done
  note "demo island: $(curl -s "${auth[@]}" "$base/api/demo" | python3 -c 'import json,sys; r=json.load(sys.stdin)["records"]; print(sum(r.values()), "records")')"
fi

# read endpoints: the platform's and, when installed, the programs' typical lists
endpoints="/api/modules /api/health"
for candidate in /api/kpi/stages /api/terakoya/courses /api/jobs/jobs /api/community/events /api/contest/contests; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "${auth[@]}" "$base$candidate" || true)
  [ "$code" = 200 ] && endpoints="$endpoints $candidate"
done
basic="Authorization: Basic $(printf 'admin:%s' "$admin_password" | base64)"
wrk_run() { # wrk_run <label> <path>
  local out body
  body=$(curl -s -H "$basic" "$base$2")
  out=$(wrk -t2 -c"$WRK_CONNECTIONS" -d"${WRK_SECONDS}s" --latency -H "$basic" "$base$2")
  python3 - "$1" "$2" "$out" "$body" >> "$raw" <<'PY'
import json, re, sys
label, path, out, body = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
try:
    answer = json.loads(body)
    items = len(answer["items"]) if isinstance(answer, dict) and isinstance(answer.get("items"), list) \
        else len(answer) if isinstance(answer, list) else None
except ValueError:
    items = None
def ms(text):
    value, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
p99 = ms(re.search(r"\s99%\s+(\S+)", out).group(1))
p50 = ms(re.search(r"\s50%\s+(\S+)", out).group(1))
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
print(json.dumps({"bench": "rest", "label": label, "path": path, "rps": rps, "p50Ms": p50, "p99Ms": p99,
                  "non2xx": int(errors.group(1)) if errors else 0, "items": items, "bytes": len(body.encode())}))
PY
}
note "throughput: ${WRK_SECONDS}s per endpoint, $WRK_CONNECTIONS connections"
wrk -t1 -c4 -d3s -H "$basic" "$base/hello/" >/dev/null          # warm-up
for path in $endpoints; do wrk -t1 -c4 -d3s -H "$basic" "$base$path" >/dev/null; done
for path in $endpoints; do
  wrk_run hello /hello/
  wrk_run read "$path"
done
rss=$(rss_mb "$dir")
emit "{\"bench\":\"rss-after-load\",\"mb\":$rss,\"heapMb\":$(heap_mb "$dir")}"
stop "$dir"

# ---------------------------------------------------------------- the programs' benchmarks at scale
for module in bundles/*/; do
  if ls "$module"src/test/java 2>/dev/null >/dev/null && grep -rlq "class .*Benchmark" "$module"src/test/java 2>/dev/null; then
    for class in $(grep -rl "class .*Benchmark" "$module"src/test/java | sed -e "s#${module}src/test/java/##" -e 's#/#.#g' -e 's#\.java$##'); do
      note "module benchmark $class"
      mvn -B -q -f "$module/pom.xml" test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass="$class" \
        -Dexec.args="$raw" >&2 || note "  $class failed"
    done
  fi
done

python3 bench/report.py "$raw" "$results/latest.json" "$results/latest.md"
cat "$results/latest.md"
