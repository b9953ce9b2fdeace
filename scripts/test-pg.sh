#!/usr/bin/env bash
# Run the tests that need PostgreSQL (store contract on PostgreSQL, two replicas on one
# database) against a throwaway server from the operating system's packages, on
# 127.0.0.1 and a free port; the server and its data are removed afterwards.
#
#   scripts/test-pg.sh                 # the PostgreSQL tests
#   scripts/test-pg.sh test/replicas   # only some (any vitest arguments)
#   scripts/test-pg.sh --all           # the whole suite, as CI runs it
#
# Needs PostgreSQL installed (Debian/Ubuntu: sudo apt-get install postgresql; the
# package's own cluster can stay stopped). Run as your user or as root.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=pg-scratch.sh
source scripts/pg-scratch.sh
pg_scratch_start
trap pg_scratch_stop EXIT
if [[ "${1:-}" == "--all" ]]; then
  npm test
elif [[ $# -gt 0 ]]; then
  npx vitest run "$@"
else
  npx vitest run test/store test/replicas
fi
