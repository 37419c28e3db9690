#!/usr/bin/env bash
# Runs the readability benchmarks: full analysis speed (MB/s) on generated
# letter prose, and syllable counting over the CMU Pronouncing Dictionary
# (which needs `npm install --no-save --prefix .cache/npm
# cmu-pronouncing-dictionary@3.0.0` in the repository root; without it
# that benchmark is skipped).
# Usage: bench/readability.sh [extra go test flags, e.g. -cpu 1 -count 3]
set -euo pipefail
cd "$(dirname "$0")/.."
exec go test -run '^$' -bench . -benchtime 3x "$@" ./readability/
