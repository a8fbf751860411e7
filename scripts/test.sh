#!/usr/bin/env bash
# Runs every test of Freelance Island: the unit tests of each module, then the integration tests
# that boot the built distribution (Pax Exam, one container per test class) and run its own
# start/stop scripts. Installs first whatever the tests need that is not on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/java17.sh
scripts/setup-test-tools.sh
mvn -B install "$@"
