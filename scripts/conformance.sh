#!/usr/bin/env bash
# Conformance: schemathesis against a live `kb serve`, driven by the server's own
# /openapi.yaml. Installs schemathesis (from PyPI) when it is missing, starts kb on
# a free 127.0.0.1 port with the shipped Content, runs every schemathesis check
# with a bounded number of examples per operation, and stops the server by its pid.
#
# Usage: scripts/conformance.sh            (from anywhere; builds kb if needed)
#   EXAMPLES=N   test cases per operation and phase (default 40)
#   KB=PATH      the kb binary (default .build/debug/kb)
set -euo pipefail
cd "$(dirname "$0")/.."

SCHEMATHESIS_VERSION="4.32.5"
EXAMPLES="${EXAMPLES:-40}"
KB="${KB:-.build/debug/kb}"
PY="${PYTHON:-python3}"

if ! "$PY" -m schemathesis.cli --version 2>/dev/null | grep -q "$SCHEMATHESIS_VERSION" \
   && ! schemathesis --version 2>/dev/null | grep -q "$SCHEMATHESIS_VERSION"; then
  echo "conformance: installing schemathesis $SCHEMATHESIS_VERSION"
  "$PY" -m pip install -q --disable-pip-version-check --root-user-action=ignore "schemathesis==$SCHEMATHESIS_VERSION"
fi
SCHEMATHESIS="$(command -v schemathesis || echo "$("$PY" -c 'import sys, os; print(os.path.join(os.path.dirname(sys.executable), "schemathesis"))')")"

if [ ! -x "$KB" ]; then
  swift build --product kb
fi

PORT="$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
LOG="$(mktemp "${TMPDIR:-/tmp}/kb-conformance.XXXXXX")"
KB_PID=""
cleanup() {
  if [ -n "$KB_PID" ] && kill -0 "$KB_PID" 2>/dev/null; then
    kill -TERM "$KB_PID" 2>/dev/null || true
    wait "$KB_PID" 2>/dev/null || true
  fi
  rm -f "$LOG"
}
trap cleanup EXIT

"$KB" serve --host 127.0.0.1 --port "$PORT" --log-level warning >"$LOG" 2>&1 &
KB_PID=$!

URL="http://127.0.0.1:$PORT"
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
  echo "conformance: kb serve did not answer on $URL:" >&2
  cat "$LOG" >&2
  exit 1
fi

echo "conformance: schemathesis $SCHEMATHESIS_VERSION against $URL/openapi.yaml ($EXAMPLES examples per operation)"
status=0
"$SCHEMATHESIS" --config-file scripts/schemathesis.toml run "$URL/openapi.yaml" \
  --checks all \
  --max-examples "$EXAMPLES" \
  --seed 20261125 \
  --workers 2 \
  --request-timeout 5 \
  --no-color || status=$?

if ! kill -0 "$KB_PID" 2>/dev/null; then
  echo "conformance: kb serve died during the run:" >&2
  cat "$LOG" >&2
  exit 1
fi
if [ "$status" -ne 0 ]; then
  echo "conformance: schemathesis reported failures (exit $status)" >&2
  exit "$status"
fi
echo "conformance: 0 failures"
