#!/bin/sh
# Load and soak: CONNECTIONS people (default 200) for DURATION (default
# 10m) against `coprod demo`, once on SQLite and once on PostgreSQL, with
# mixed reads and writes across the demo roles (bench/soak/main.go). Prints
# the errors (target 0), p50 and p99 per route, and the server's resident
# memory after warm-up and at the end (target: within 10%). PostgreSQL is
# COPROD_TEST_POSTGRES_URL's server (default 127.0.0.1:5432, database test);
# each run gets a database of its own, dropped afterwards.
#
#   bench/soak.sh
#   DURATION=2m CONNECTIONS=50 ENGINES=sqlite bench/soak.sh
set -eu
cd "$(dirname "$0")/.."
DURATION="${DURATION:-10m}"
WARMUP="${WARMUP:-1m}"
CONNECTIONS="${CONNECTIONS:-200}"
ENGINES="${ENGINES:-sqlite postgres}"
PORT="${PORT:-18090}"
PG="${COPROD_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test?sslmode=disable}"

work="$(mktemp -d)"
pid=""
cleanup() { [ -z "$pid" ] || kill "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT INT TERM
go build -o "$work/coprod" ./cmd/coprod
go build -o "$work/soak" ./bench/soak
ulimit -n 4096 2>/dev/null || true

for engine in $ENGINES; do
	echo "== $engine: $CONNECTIONS connections for $DURATION"
	case $engine in
	sqlite) dsn="$work/soak.db" ;;
	postgres)
		db="coprod_soak_$$"
		psql "$PG" -qc "CREATE DATABASE $db"
		dsn="$(echo "$PG" | sed "s#/[^/?]*?#/$db?#")"
		;;
	esac
	"$work/coprod" demo --addr "127.0.0.1:$PORT" --db "$dsn" >"$work/server.log" 2>&1 &
	pid=$!
	for _ in $(seq 1 120); do grep -q "Coprod is running" "$work/server.log" && break; sleep 0.5; done
	status=0
	"$work/soak" -url "http://127.0.0.1:$PORT" -conns "$CONNECTIONS" -duration "$DURATION" -warmup "$WARMUP" -pid "$pid" || status=$?
	kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
	[ "$engine" != postgres ] || psql "$PG" -qc "DROP DATABASE $db"
	[ "$status" -eq 0 ] || echo "($engine: errors above)"
done
