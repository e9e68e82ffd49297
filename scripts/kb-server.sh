# Helpers for the scripts that run `kb serve` on loopback (conformance.sh, load.sh).
# Sourced, not run. Needs PY (a python3) set by the caller.
#
#   start_kb BINARY LOG [ARGS...]  starts BINARY serve on a free 127.0.0.1 port with ARGS,
#                                  output to LOG; sets KB_PID, PORT and URL; waits (10 s at
#                                  most) for /healthz; returns 1, printing LOG, if it never answers
#   stop_kb                        stops that server by its pid (SIGTERM: a graceful shutdown)

KB_PID=""

start_kb() {
  local binary="$1" log="$2"
  shift 2
  PORT="$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
  URL="http://127.0.0.1:$PORT"
  "$binary" serve --host 127.0.0.1 --port "$PORT" "$@" >"$log" 2>&1 &
  KB_PID=$!
  if ! "$PY" - "$URL/healthz" <<'PYEOF'
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
  then
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
