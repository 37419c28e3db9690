#!/bin/sh
# Benchmarks of the tender engine's stake sensitivity (the part of a
# result whose cost grows with the number of bids): 5, 20, 50 and 200 bids.
#
#   bench/tender.sh            # 3 runs each
#   COUNT=5 bench/tender.sh    # more runs
set -eu
cd "$(dirname "$0")/.."
GOMAXPROCS=1 go test -run '^$' -bench 'Sensitivity' -count "${COUNT:-3}" -cpu 1 ./internal/tender/
