#!/usr/bin/env bash
# kb eval --peers runs this: makes the git-ignored .venv-peers (python3 -m venv, pip install
# tantivy) on first use, then ranks with SQLite FTS5 and tantivy (scripts/eval-peers.py).
# Usage: scripts/eval-peers.sh INPUT.json OUTPUT.json
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="${KB_PEERS_VENV:-$here/../.venv-peers}"
if ! command -v python3 >/dev/null 2>&1; then
    echo "error: kb eval --peers needs python3 (with venv and pip), e.g. apt-get install python3 python3-venv" >&2
    exit 3
fi
if ! "$venv/bin/python" -c 'import tantivy' >/dev/null 2>&1; then
    echo "kb eval --peers: installing tantivy into $venv (once)" >&2
    if ! python3 -m venv "$venv" >&2; then
        echo "error: python3 -m venv failed; install python3-venv (apt-get install python3-venv)" >&2
        exit 3
    fi
    if ! "$venv/bin/python" -m pip install --quiet tantivy >&2; then
        echo "error: pip could not install tantivy into $venv; check that PyPI is reachable" >&2
        exit 3
    fi
fi
exec "$venv/bin/python" "$here/eval-peers.py" "$1" "$2"
