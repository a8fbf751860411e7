#!/usr/bin/env bash
# Runs every test of Freelance Island: the unit tests of each module, then the integration tests
# that boot the built distribution (Pax Exam, one container per test class) and run its own
# start/stop scripts. Installs first whatever the tests need that is not on a fresh machine
# (scripts/setup-test-tools.sh: Chromium for the browser tests, Debian's PostgreSQL).
#
#   scripts/test.sh                      everything: unit tests, every integration test on the embedded
#                                        H2 database (with the PostgreSQL classes PostgresIT, ClusterIT on
#                                        throw-away clusters), then every integration test again on
#                                        PostgreSQL (what CI runs)
#   scripts/test.sh --postgres           the build with every integration test on PostgreSQL only
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
if [ ${#args[@]} -eq 0 ]; then
  mvn -B install
  # the same integration tests on PostgreSQL, against what the first pass built and installed
  mvn -B verify -pl itests -Ppostgres
else
  mvn -B install "${args[@]}"
fi
