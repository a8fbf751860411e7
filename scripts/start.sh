#!/usr/bin/env bash
# Builds Freelance Island (tests skipped) and starts it in the foreground on the embedded H2
# database. Stop it with Ctrl-D / "shutdown" at the Karaf prompt, or bin/stop from another shell.
#
#   scripts/start.sh                 build, unpack into run/freelance-island, start
#   FREELANCE_ISLAND_PORT=9090 scripts/start.sh
#   FREELANCE_ISLAND_ADMIN_PASSWORD=... scripts/start.sh   (first start only: the admin password)
#   FREELANCE_ISLAND_DEMO=1 scripts/start.sh   with the demo island: installs every program and loads
#                                   sample data once (refused when the registry holds other people,
#                                   unless FREELANCE_ISLAND_DEMO_FORCE=1); never in production
#
# The unpacked runtime lives in run/freelance-island. When a new build is unpacked, what an
# administrator made there is carried over: the database (data/db), the generated admin password
# and the accounts (etc/users.properties). Set SKIP_BUILD=1 to start the last build as it is.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

. scripts/lib/java17.sh

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  mvn -B -q -DskipTests install -pl distribution -am
fi

archive=$(ls distribution/target/freelance-island-*.tar.gz | head -n 1)
home="$root/run/freelance-island"
stamp="$home/.built-from"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$(sha256sum "$archive" | cut -d' ' -f1)" ]; then
  keep=$(mktemp -d)
  if [ -d "$home" ]; then
    [ -d "$home/data/db" ] && mv "$home/data/db" "$keep/db"
    [ -f "$home/data/admin-password.txt" ] && mv "$home/data/admin-password.txt" "$keep/"
    [ -f "$home/etc/users.properties" ] && cp "$home/etc/users.properties" "$keep/"
    rm -rf "$home"
  fi
  mkdir -p "$home"
  tar xzf "$archive" -C "$home" --strip-components=1
  mkdir -p "$home/data"
  [ -d "$keep/db" ] && mv "$keep/db" "$home/data/db"
  [ -f "$keep/admin-password.txt" ] && mv "$keep/admin-password.txt" "$home/data/"
  [ -f "$keep/users.properties" ] && cp "$keep/users.properties" "$home/etc/users.properties"
  rm -rf "$keep"
  sha256sum "$archive" | cut -d' ' -f1 > "$stamp"
fi

# The demo island: a features file in deploy/ installs the demo feature, its configuration asks it to
# load the sample data on start (it does so once: a loaded island is not loaded again).
demo_cfg="$home/etc/org.freelanceisland.demo.cfg"
if [ "${FREELANCE_ISLAND_DEMO:-0}" = 1 ]; then
  mkdir -p "$home/deploy"
  cat > "$home/deploy/freelance-island-demo.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<features name="freelance-island-demo-start" xmlns="http://karaf.apache.org/xmlns/features/v1.6.0">
  <feature name="freelance-island-demo-start" version="1.0.0" install="auto">
    <feature>freelance-island-demo</feature>
  </feature>
</features>
XML
  force=false
  [ "${FREELANCE_ISLAND_DEMO_FORCE:-0}" = 1 ] && force=true
  printf 'loadOnStart = true\nforce = %s\n' "$force" > "$demo_cfg"
  echo "Freelance Island: the demo island will be loaded (sample data; see the console's home page)"
elif [ -f "$demo_cfg" ]; then
  printf 'loadOnStart = false\n' > "$demo_cfg"
fi

echo "Freelance Island: http://localhost:${FREELANCE_ISLAND_PORT:-8181}/api/health  (runtime in $home)"
if [ $# -eq 0 ] && [ ! -t 0 ]; then
  # no terminal (a service manager, CI, a pipe): run without the interactive console, which
  # would read end-of-input and shut Karaf down
  exec "$home/bin/karaf" server
fi
exec "$home/bin/karaf" "$@"
