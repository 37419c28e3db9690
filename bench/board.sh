#!/bin/sh
# The public board under a burst, against nginx serving the same bytes: it
# starts `coprod demo` on a fresh SQLite file, saves what /board and
# /board.json return into files that an nginx of its own serves from
# another port, then runs wrk at 64 connections against each and prints
# requests a second, p99 latency, and the ratio coprod/nginx (and, for
# reference, coprod's /login, which reads no database). The target is
# a ratio of at least 0.3 with p99 under 20 ms. Both servers and wrk share
# the machine, as they would in the issue's measurement. Installs nginx and
# wrk from Debian when they are missing (as root, or through sudo).
#
#   bench/board.sh
#   DURATION=30s CONNECTIONS=128 bench/board.sh
#   ACCEPT_ENCODING=gzip bench/board.sh     # coprod compresses; nginx's gzip_static serves a .gz made once
set -eu
cd "$(dirname "$0")/.."
APP_PORT="${APP_PORT:-18080}"
NGINX_PORT="${NGINX_PORT:-18081}"
DURATION="${DURATION:-10s}"
CONNECTIONS="${CONNECTIONS:-64}"
ACCEPT_ENCODING="${ACCEPT_ENCODING:-}"

missing=""
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing="$missing nginx"
command -v wrk >/dev/null 2>&1 || missing="$missing wrk"
if [ -n "$missing" ]; then
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo=sudo
	$sudo apt-get install -y $missing || { $sudo apt-get update && $sudo apt-get install -y $missing; }
fi
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"

work="$(mktemp -d)"
app_pid=""
cleanup() {
	[ -z "$app_pid" ] || kill "$app_pid" 2>/dev/null || true
	[ ! -f "$work/nginx.pid" ] || kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
	sleep 0.2
	rm -rf "$work"
}
trap cleanup EXIT INT TERM

go build -o "$work/coprod" ./cmd/coprod
# Each request is logged; the log goes to a file, as it would in service.
"$work/coprod" demo --addr "127.0.0.1:$APP_PORT" --db "$work/board.db" >"$work/coprod.out" 2>"$work/coprod.log" &
app_pid=$!
app="http://127.0.0.1:$APP_PORT"
i=0
until curl -fsS "$app/healthz" >/dev/null 2>&1; do
	i=$((i + 1))
	[ "$i" -lt 300 ] || { echo "coprod did not start:" >&2; cat "$work/coprod.log" >&2; exit 1; }
	sleep 0.1
done

mkdir -p "$work/www" "$work/nginx"
# nginx's workers may run as another user: let them read the files.
chmod a+rx "$work" "$work/www"
curl -fsS "$app/board" -o "$work/www/board"
curl -fsS "$app/board.json" -o "$work/www/board.json"
gzip -9 -k "$work/www/board" "$work/www/board.json"
cat >"$work/nginx.conf" <<EOF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
	access_log off;
	client_body_temp_path $work/nginx;
	proxy_temp_path $work/nginx;
	fastcgi_temp_path $work/nginx;
	uwsgi_temp_path $work/nginx;
	scgi_temp_path $work/nginx;
	gzip_static on;
	server {
		listen 127.0.0.1:$NGINX_PORT;
		root $work/www;
		location = /board { default_type "text/html; charset=utf-8"; }
		location = /board.json { default_type "application/json; charset=utf-8"; }
	}
}
EOF
"$NGINX" -c "$work/nginx.conf" -p "$work/nginx"
web="http://127.0.0.1:$NGINX_PORT"
i=0
until curl -fsS "$web/board" >/dev/null 2>&1; do
	i=$((i + 1))
	[ "$i" -lt 50 ] || { echo "nginx did not start" >&2; exit 1; }
	sleep 0.1
done

# run URL prints "requests/s p99-in-ms".
run() {
	if [ -n "$ACCEPT_ENCODING" ]; then
		wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "Accept-Encoding: $ACCEPT_ENCODING" "$1"
	else
		wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$1"
	fi | awk '
		/Requests\/sec:/ { rps = $2 }
		$1 == "99%" { v = $2; unit = v; sub(/[0-9.]+/, "", unit); sub(/[a-z]+$/, "", v)
			p99 = (unit == "us") ? v / 1000 : (unit == "s") ? v * 1000 : (unit == "m") ? v * 60000 : v }
		/Non-2xx/ { bad = 1 }
		END { if (bad) { print "non-2xx responses" > "/dev/stderr"; exit 1 }; printf "%.0f %.2f\n", rps, p99 }'
}

echo "board bytes: /board $(wc -c <"$work/www/board"), /board.json $(wc -c <"$work/www/board.json"); wrk -c$CONNECTIONS -d$DURATION${ACCEPT_ENCODING:+, Accept-Encoding: $ACCEPT_ENCODING}"
printf '%-12s %12s %12s %12s %12s %8s %s\n' path coprod_rps coprod_p99ms nginx_rps nginx_p99ms ratio target
for path in /board /board.json; do
	set -- $(run "$app$path")
	c_rps=$1 c_p99=$2
	set -- $(run "$web$path")
	n_rps=$1 n_p99=$2
	awk -v p="$path" -v cr="$c_rps" -v cp="$c_p99" -v nr="$n_rps" -v np="$n_p99" 'BEGIN {
		ratio = cr / nr
		printf "%-12s %12d %12.2f %12d %12.2f %8.2f %s\n", p, cr, cp, nr, np, ratio, (ratio >= 0.3 && cp < 20) ? "met" : "not met" }'
done
# For reference: a page with no database work, the server's own floor.
set -- $(run "$app/login")
printf '%-12s %12d %12.2f\n' /login "$1" "$2"
