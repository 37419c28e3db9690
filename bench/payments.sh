#!/bin/sh
# Benchmarks of the payment engine and the specification comparison, on one
# core: the engine over 50 indicators × 40 periods (all curve types, one
# cell in seven unreported), the reports CSV reader on the same grid, and a
# word-level comparison of two 5,000-word specification versions (lightly
# edited, and completely rewritten, the worst case).
#
#   bench/payments.sh              # 3 runs each
#   COUNT=5 bench/payments.sh      # more runs
#   PROFILE=1 bench/payments.sh    # also write a CPU profile to /tmp/payments_cpu.prof
set -eu
cd "$(dirname "$0")/.."
count=${COUNT:-3}
extra=""
if [ "${PROFILE:-}" = 1 ]; then
	extra="-cpuprofile /tmp/payments_cpu.prof -o /tmp/payments_bench.test"
fi
# shellcheck disable=SC2086
GOMAXPROCS=1 go test -run '^$' -bench 'Calculate|ParseReportsCSV|DiffWords' -benchtime 1s -count "$count" -cpu 1 $extra ./internal/measure/
if [ "${PROFILE:-}" = 1 ]; then
	go tool pprof -top -nodecount 20 /tmp/payments_bench.test /tmp/payments_cpu.prof
fi
