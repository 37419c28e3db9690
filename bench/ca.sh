#!/bin/sh
# Benchmarks of the conversation-analysis package on a large CHAT
# transcript generated in memory (about 40 MB), and on the shared TalkBank
# reference files (about 440 KB of real CHAT in 105 small files, where the
# per-file cost shows). One core, as the target (50 MB/s reading and
# measuring) is stated for one core.
#
#   bench/ca.sh              # all transcript benchmarks, 3 runs each
#   COUNT=5 bench/ca.sh      # more runs
#   PROFILE=1 bench/ca.sh    # also write a CPU profile to /tmp/ca_cpu.prof
set -eu
cd "$(dirname "$0")/.."
count=${COUNT:-3}
extra=""
if [ "${PROFILE:-}" = 1 ]; then
	extra="-cpuprofile /tmp/ca_cpu.prof -o /tmp/ca_bench.test"
fi
# shellcheck disable=SC2086
GOMAXPROCS=1 go test -run '^$' -bench 'CHAT|Jefferson' -benchtime 3x -count "$count" -cpu 1 $extra ./transcript/
if [ "${PROFILE:-}" = 1 ]; then
	go tool pprof -top -nodecount 20 /tmp/ca_bench.test /tmp/ca_cpu.prof
fi
