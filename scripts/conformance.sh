#!/usr/bin/env bash
# Conformance: schemathesis against a live `kb serve`, driven by the server's own
# /openapi.yaml. Installs schemathesis (from PyPI) when it is missing, starts kb on
# a free 127.0.0.1 port with the shipped Content, runs every schemathesis check
# with a bounded number of examples per operation, and stops the server by its pid.
#
# Usage: scripts/conformance.sh            (from anywhere; builds kb if needed)
#   PYTHON=python3  the Python that runs the helpers (and schemathesis, when no 3.12+ exists)
#   EXAMPLES=N   test cases per operation and phase (default 40)
#   KB=PATH      the kb binary (default .build/debug/kb)
set -euo pipefail
cd "$(dirname "$0")/.."

SCHEMATHESIS_VERSION="4.32.5"
EXAMPLES="${EXAMPLES:-40}"
KB="${KB:-.build/debug/kb}"
PY="${PYTHON:-python3}"
VENV=".build/conformance-venv"

# schemathesis runs in a virtual environment of its own, on Python 3.12 or newer when
# the machine has one: CPython 3.11.7's ast.parse can fail with "SystemError: AST
# constructor recursion depth mismatch" inside hypothesis, which schemathesis reports
# as a runtime error on a random operation.
pick_python() {
  local version candidate root
  for version in 3.13 3.12; do
    if command -v "python$version" >/dev/null 2>&1 && "python$version" -c 'import venv' >/dev/null 2>&1; then
      command -v "python$version"; return
    fi
    root="$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")"
    for candidate in "$root"/versions/"$version"*/bin/"python$version"; do
      if [ -x "$candidate" ]; then echo "$candidate"; return; fi
    done
  done
  command -v "$PY"
}
if ! "$VENV/bin/schemathesis" --version 2>/dev/null | grep -q "$SCHEMATHESIS_VERSION"; then
  BASE_PYTHON="$(pick_python)"
  echo "conformance: installing schemathesis $SCHEMATHESIS_VERSION for $("$BASE_PYTHON" --version 2>&1) in $VENV"
  rm -rf "$VENV"
  "$BASE_PYTHON" -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
fi
SCHEMATHESIS="$VENV/bin/schemathesis"

if [ ! -x "$KB" ]; then
  swift build --product kb
fi

LOG="$(mktemp "${TMPDIR:-/tmp}/kb-conformance.XXXXXX")"
. scripts/kb-server.sh
cleanup() {
  stop_kb
  rm -f "$LOG" "$LOG.sqlite" "$LOG.sqlite-wal" "$LOG.sqlite-shm"
}
trap cleanup EXIT

# Analytics on, as by default, in a file of this run's (schemathesis posts feedback and
# clicks), and an admin token, which schemathesis sends (and leaves out, expecting 401).
ADMIN_TOKEN="conformance-$RANDOM$RANDOM"
KB_ADMIN_TOKEN="$ADMIN_TOKEN" start_kb "$KB" "$LOG" --log-level warning --analytics "$LOG.sqlite"

echo "conformance: schemathesis $SCHEMATHESIS_VERSION ($("$VENV/bin/python" --version)) against $URL/openapi.yaml ($EXAMPLES examples per operation)"
status=0
"$SCHEMATHESIS" --config-file scripts/schemathesis.toml run "$URL/openapi.yaml" \
  --checks all \
  --header "Authorization: Bearer $ADMIN_TOKEN" \
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
