# Functions shared by bench/run.sh and bench/boot.sh: unpack a fresh runtime, start it and time the
# first 200, stop it, measure its memory. Sourced with $root (the repository) and $work set.
# shellcheck shell=bash

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
now_ms() { date +%s%3N; }
admin_password="bench-admin-password-1"

# the distribution's archive; bench/boot.sh can compare another one as kind <name> with TAR_<name>
dist_tar() {
  local var="TAR_$1"
  if [ -n "${!var:-}" ]; then echo "${!var}"; else ls distribution/target/freelance-island-*.tar.gz | head -n 1; fi
}

# unpack <name> -> fresh runtime directory on a free HTTP port (and free SSH/JMX ports)
unpack() {
  local name=$1 dir="$work/$1"
  rm -rf "$dir"
  if [ "$name" = baseline ]; then
    cp -a bench/baseline/assembly/target/assembly "$dir"
    # the same JVM options as the distribution (heap size, GC and malloc arenas are not what the
    # distribution adds to Karaf, so the baseline runs with them too)
    tar xzf "$(dist_tar full)" -C "$dir/bin" --strip-components=2 --wildcards '*/bin/setenv'
  else
    mkdir -p "$dir" && tar xzf "$(dist_tar "$name")" -C "$dir" --strip-components=1
  fi
  local port
  port=$(free_port)
  echo "org.osgi.service.http.port = $port" >> "$dir/etc/org.ops4j.pax.web.cfg"
  printf '\nsshPort = %s\n' "$(free_port)" >> "$dir/etc/org.apache.karaf.shell.cfg"
  printf '\nrmiRegistryPort = %s\nrmiServerPort = %s\n' "$(free_port)" "$(free_port)" >> "$dir/etc/org.apache.karaf.management.cfg"
  echo "$port" > "$dir/.bench-port"
  echo "$dir"
}

karaf_pid() { pgrep -f "karaf.home=$1 " | head -n 1 || true; }
# CPU ms of each thread of <pid> at this moment, as JSON {"<thread name>": ms} (threads of one name
# summed; names as the kernel keeps them, 15 characters; pool numbers folded into #)
thread_cpu() {
  local hz
  hz=$(getconf CLK_TCK)
  for t in /proc/"$1"/task/*; do
    printf '%s\t%s\n' "$(cat "$t/comm" 2>/dev/null)" "$(awk '{print $14 + $15}' "$t/stat" 2>/dev/null)"
  done | python3 -c '
import json, re, sys
hz = int(sys.argv[1]); out = {}
for line in sys.stdin:
    name, _, ticks = line.rstrip("\n").rpartition("\t")
    if not ticks: continue
    key = re.sub(r"\d+", "#", name)
    out[key] = out.get(key, 0) + int(ticks) * 1000 // hz
print(json.dumps(dict(sorted(out.items(), key=lambda kv: -kv[1]))))' "$hz"
}
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{printf "%d", ($14 + $15) * 1000 / hz}' "/proc/$1/stat"; }

start() { # start <dir> <probe-path> -> prints "<ms to first 200> <CPU ms of the JVM until then>"
  local dir=$1 path=$2 port t0 code
  port=$(cat "$dir/.bench-port")
  t0=$(now_ms)
  FREELANCE_ISLAND_ADMIN_PASSWORD=$admin_password FREELANCE_ISLAND_PORT=$port "$dir/bin/start"
  while [ $(( $(now_ms) - t0 )) -lt 180000 ]; do   # a loaded machine can take a minute
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port$path" || true)
    if [ "$code" = 200 ]; then
      local ms=$(( $(now_ms) - t0 )) pid
      pid=$(karaf_pid "$dir")
      local cpu
      cpu=$(cpu_ms "$pid")
      [ -z "${THREADS_OUT:-}" ] || thread_cpu "$pid" > "$THREADS_OUT"
      echo "$ms $cpu"
      return 0
    fi
    sleep 0.05
  done
  echo "no 200 from $path within 180 s in $dir" >&2
  return 1
}

stop() {
  local dir=$1 pid
  pid=$(karaf_pid "$dir")
  "$dir/bin/stop" >/dev/null 2>&1 || true
  for _ in $(seq 1 600); do
    [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null && return 0
    sleep 0.1
  done
  kill -9 "$pid" 2>/dev/null || true
}

rss_mb() { # after boot has settled
  local pid
  pid=$(karaf_pid "$1")
  awk '/VmRSS/ {printf "%d", $2/1024}' "/proc/$pid/status"
}

heap_mb() { # live heap: a full GC, then the used survivor + eden + old space (measure RSS first)
  local pid
  pid=$(karaf_pid "$1")
  jcmd "$pid" GC.run >/dev/null
  jstat -gc "$pid" | awk 'NR == 2 {printf "%d", ($3 + $4 + $6 + $8) / 1024}'
}

