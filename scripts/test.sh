#!/usr/bin/env bash
# Runs every Incognito test: Go unit, conformance and end-to-end suites (on
# SQLite, and on PostgreSQL when one answers), the AWS CLI smoke test and the
# JavaScript suites with the real browser/Node clients.
#
# PostgreSQL: INCOGNITO_TEST_POSTGRES_URL (default
# postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable). Without a
# server the PostgreSQL tests say they were skipped and why; set
# INCOGNITO_REQUIRE_POSTGRES=1 (CI does) to make that a failure.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== go vet"
go vet ./...

echo "== go test"
go test -count=1 -timeout 15m ./...

if [ -f test/js/package.json ]; then
  echo "== JavaScript suites (test/js)"
  (cd test/js && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm test)
fi
