#!/usr/bin/env bash
# Installs the tools the tests need beyond JDK 17 and Maven. Safe to run again: it only installs
# what is missing. (Nothing yet beyond the JDK and Maven; browser and PostgreSQL tests add here.)
set -euo pipefail
exit 0
