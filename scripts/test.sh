#!/usr/bin/env bash
# Runs every test of Freelance Island: the unit tests of each module, then the integration tests
# that boot the built distribution (Pax Exam, one container per test class) and run its own
# start/stop scripts. Installs first whatever the tests need that is not on a fresh machine
# (scripts/setup-test-tools.sh: Chromium for the browser tests, Debian's PostgreSQL).
#
#   scripts/test.sh                      everything on the embedded H2 database, plus the PostgreSQL
#                                        classes (PostgresIT, ClusterIT) on throw-away clusters
#   scripts/test.sh --postgres           the same with every integration test on PostgreSQL
#   scripts/test.sh -pl itests -Dit.test=PlatformIT      one class (after a full build)
#   scripts/test.sh --postgres -pl itests -Dit.test=PlatformIT   one class on PostgreSQL
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/java17.sh
args=()
for a in "$@"; do
  if [ "$a" = "--postgres" ]; then
    args+=(-Ppostgres)
  else
    args+=("$a")
  fi
done
scripts/setup-test-tools.sh
mvn -B install ${args[@]+"${args[@]}"}
