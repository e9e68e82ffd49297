# Helpers for the scripts that run `kb serve` on loopback (conformance.sh, load.sh).
# Sourced, not run. Needs PY (a python3) set by the caller.
#
#   start_kb BINARY LOG [ARGS...]  starts BINARY serve on a free 127.0.0.1 port with ARGS,
#                                  output to LOG; sets KB_PID, PORT and URL; waits (10 s at
#                                  most) for /healthz; returns 1, printing LOG, if it never answers
#   stop_kb                        stops that server by its pid (SIGTERM: a graceful shutdown)

KB_PID=""

#   answers_200 URL                waits (10 s at most) until URL answers 200; returns 1 if it never does
answers_200() {
  "$PY" - "$1" <<'PYEOF'
import sys, time, urllib.request
for _ in range(100):
    try:
        with urllib.request.urlopen(sys.argv[1], timeout=1) as response:
            if response.status == 200:
                sys.exit(0)
    except Exception:
        time.sleep(0.1)
sys.exit(1)
PYEOF
}

start_kb() {
  local binary="$1" log="$2"
  shift 2
  PORT="$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
  URL="http://127.0.0.1:$PORT"
  "$binary" serve --host 127.0.0.1 --port "$PORT" "$@" >"$log" 2>&1 &
  KB_PID=$!
  if ! answers_200 "$URL/healthz"; then
    echo "kb serve did not answer on $URL:" >&2
    cat "$log" >&2
    return 1
  fi
}

stop_kb() {
  if [ -n "$KB_PID" ] && kill -0 "$KB_PID" 2>/dev/null; then
    kill -TERM "$KB_PID" 2>/dev/null || true
    wait "$KB_PID" 2>/dev/null || true
  fi
  KB_PID=""
}

#   need_tools SCRIPT CMD:PACKAGE...  installs (apt-get) the package of each command not on
#                                  PATH or in /usr/sbin; with SKIP_INSTALL=1 says what is
#                                  missing and fails instead
#   release_kb_in_work NAME        builds kb in release mode (sets KB; SKIP_BUILD=1 uses the one built), makes a temporary
#                                  folder (sets WORK) and, on exit, stops kb and removes it

need_tools() {
  local script="$1" pair missing=()
  shift
  for pair in "$@"; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || [ -x "/usr/sbin/${pair%%:*}" ] || missing+=("${pair#*:}")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  if [ "${SKIP_INSTALL:-0}" = 1 ]; then
    echo "$script: needs ${missing[*]} (apt-get install -y ${missing[*]})" >&2
    return 1
  fi
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

release_kb_in_work() {
  [ "${SKIP_BUILD:-0}" = 1 ] || swift build -c release --product kb
  KB=.build/release/kb
  WORK="$(mktemp -d "${TMPDIR:-/tmp}/kb-$1.XXXXXX")"
  trap 'stop_kb; stop_nginx; rm -rf "$WORK"' EXIT
}

#   start_nginx FILE               serves FILE as the answer to every path (query ignored) on a
#                                  free 127.0.0.1 port from a folder in WORK; sets NGINX_PID and
#                                  NGINX_URL (the same kind of URL as kb's, so one wrk Lua script
#                                  drives both)
#   stop_nginx                     stops it by its pid

NGINX_PID=""

start_nginx() {
  local answer="$1" dir="$WORK/nginx" port
  mkdir -p "$dir/www" "$dir/tmp" "$dir/logs"
  cp "$answer" "$dir/www/answer.json"
  # nginx's workers run as another user when started by root: they must reach the file.
  chmod 755 "$WORK" "$dir" "$dir/www"
  chmod 644 "$dir/www/answer.json"
  port="$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
  cat > "$dir/nginx.conf" <<NGINXEOF
worker_processes auto;
daemon off;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $dir/tmp/body;
  proxy_temp_path $dir/tmp/proxy;
  fastcgi_temp_path $dir/tmp/fastcgi;
  uwsgi_temp_path $dir/tmp/uwsgi;
  scgi_temp_path $dir/tmp/scgi;
  default_type application/json;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$port;
    root $dir/www;
    location / { rewrite ^ /answer.json break; }
  }
}
NGINXEOF
  "$(command -v nginx || echo /usr/sbin/nginx)" -p "$dir" -c "$dir/nginx.conf" 2>"$dir/logs/stderr.log" &
  NGINX_PID=$!
  NGINX_URL="http://127.0.0.1:$port"
  answers_200 "$NGINX_URL/v1/search?q=x"
}

stop_nginx() {
  if [ -n "$NGINX_PID" ] && kill -0 "$NGINX_PID" 2>/dev/null; then
    kill -TERM "$NGINX_PID" 2>/dev/null || true
    wait "$NGINX_PID" 2>/dev/null || true
  fi
  NGINX_PID=""
}
