#!/bin/sh
# Exercises the files in deploy/: the container image is built and run
# read-only where a builder works (podman, or docker with a daemon);
# otherwise the binary is built with the Containerfile's flags, checked to be
# static, and run as an unprivileged user with the root filesystem read-only
# (a private mount namespace) and only its data directory writable. Then the
# systemd unit is verified, and nginx checks the proxy configuration with a
# certificate made for the purpose. Run by .ci/run; needs root for the
# read-only run, nginx and systemd-analyze (installed by .ci/run).
set -eu
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
pid=""
cleanup() { [ -z "$pid" ] || kill "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT INT TERM
port=18095

ready() {
	for _ in $(seq 1 60); do
		if curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; then return 0; fi
		sleep 0.5
	done
	echo "coprod did not become ready" >&2
	return 1
}

builder=""
if command -v podman >/dev/null 2>&1; then builder=podman
elif command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then builder=docker
fi

if [ -n "$builder" ]; then
	echo "== container image ($builder)"
	$builder build -f deploy/Containerfile -t coprod-check .
	$builder run -d --rm --name coprod-check --read-only --cap-drop=ALL --security-opt=no-new-privileges \
		--tmpfs /data:uid=65532,gid=65532 -p "127.0.0.1:$port:8080" coprod-check >/dev/null
	trap '$builder rm -f coprod-check >/dev/null 2>&1 || true; rm -rf "$work"' EXIT INT TERM
	ready
	echo "the image runs read-only as user 65532 and is ready"
else
	echo "== no container builder here: the binary with the Containerfile's flags, run read-only"
	CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o "$work/coprod" ./cmd/coprod
	if ldd "$work/coprod" >/dev/null 2>&1; then
		echo "the binary is dynamically linked: the image has no C library for it" >&2
		exit 1
	fi
	echo "static binary, $(($(wc -c <"$work/coprod") / 1048576)) MB"
	mkdir "$work/data"
	chown 65532:65532 "$work/data"
	chmod 0755 "$work"
	# The same user as the image, no capabilities, root filesystem read-only,
	# no writable /tmp: only the data directory can be written.
	unshare --mount --propagation private sh -c '
		set -e
		mount --bind "$1/data" "$1/data"
		mount -o remount,bind,ro /
		mount -o remount,bind,ro /tmp 2>/dev/null || true
		exec setpriv --reuid 65532 --regid 65532 --clear-groups --inh-caps=-all --no-new-privs \
			env -i HOME=/nonexistent "$1/coprod" serve --addr "127.0.0.1:$2" --db "$1/data/coprod.db" --behind-tls
	' sh "$work" "$port" >"$work/serve.log" 2>&1 &
	pid=$!
	ready || { cat "$work/serve.log" >&2; exit 1; }
	code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/login")
	[ "$code" = 200 ] || { echo "the sign-in page answered $code" >&2; exit 1; }
	echo "runs as user 65532 with a read-only root filesystem; ready, and the sign-in page answers"
fi

echo "== systemd unit"
systemd-analyze verify deploy/coprod.service 2>&1 | grep -v "/usr/local/bin/coprod\|Unknown key name\|Failed to.*bus" | tee "$work/verify.log"
if grep -qi "error\|invalid\|unknown" "$work/verify.log"; then
	echo "deploy/coprod.service does not verify" >&2
	exit 1
fi
echo "deploy/coprod.service verifies"

echo "== nginx configuration"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=coprod.example.org" \
	-keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
sed -e "s#/etc/letsencrypt/live/coprod.example.org/fullchain.pem#$work/cert.pem#" \
	-e "s#/etc/letsencrypt/live/coprod.example.org/privkey.pem#$work/key.pem#" deploy/nginx.conf >"$work/site.conf"
cat >"$work/nginx.conf" <<CONF
pid $work/nginx.pid;
error_log $work/error.log;
events {}
http { access_log off; include $work/site.conf; }
CONF
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
"$NGINX" -t -c "$work/nginx.conf" -p "$work"
echo "deploy/nginx.conf is accepted by nginx"
