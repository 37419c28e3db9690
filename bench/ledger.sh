#!/bin/sh
# Benchmarks of the public board of the accountability ledger at scale: a
# generated board of 1,000,000 voice items (10 organisations, 5 rounds, 20
# themes, every status and flag), then p50 and p99 latency of a page of 25
# from the list (first page and 40 pages deep, by keyset), each filter
# (status, theme, organisation, round, each flag, and three combined) and
# the figures. SQLite always; PostgreSQL too when COPROD_TEST_POSTGRES_URL
# is set. The SQLite board is generated once into LEDGER_BENCH_DIR (default
# the temp folder) and reused.
#
#   bench/ledger.sh                          # 1,000,000 items
#   LEDGER_BENCH_ITEMS=100000 bench/ledger.sh
#   COPROD_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/test bench/ledger.sh
set -eu
cd "$(dirname "$0")/.."
export LEDGER_BENCH_ITEMS="${LEDGER_BENCH_ITEMS:-1000000}"
go test -run '^$' -bench 'LedgerBoard' -benchtime 200x -count 1 -timeout 60m ./internal/store/
