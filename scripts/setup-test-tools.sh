#!/usr/bin/env bash
# Installs the tools the tests need beyond JDK 17 and Maven. Safe to run again: it only installs
# what is missing, without asking questions.
#   - chromium and chromium-driver (Debian packages) for the console's browser tests, and a
#     Japanese font so that the screenshots they save are readable
#   - Debian's PostgreSQL server and client (packages postgresql, postgresql-client) for the
#     PostgreSQL tests: they start throw-away clusters of it themselves, on 127.0.0.1 and a free
#     port, with its initdb and pg_ctl (as the package's "postgres" user when run as root; see
#     PostgresCluster); pg_dump and pg_restore serve island:backup. The package's own cluster on
#     port 5432 is not used.
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list :lang=ja 2>/dev/null)" ]; then
  missing+=(fonts-ipafont-gothic)
fi
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || ! command -v pg_dump >/dev/null 2>&1; then
  missing+=(postgresql postgresql-client)
fi

if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup-test-tools: please install ${missing[*]} (no apt-get on this machine)" >&2
    exit 1
  fi
  sudo=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo="sudo"
    else
      echo "setup-test-tools: run as root (or with sudo) to install ${missing[*]}" >&2
      exit 1
    fi
  fi
  echo "setup-test-tools: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
