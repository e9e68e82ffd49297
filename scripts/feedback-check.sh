#!/usr/bin/env bash
# "Was this helpful?" end to end: kb serve with analytics in a fresh SQLite file, a
# reader clicking No (with JavaScript) and Yes (without) on an English article and an
# Indonesian code page in headless Chromium, two searches for "xyzzy" over HTTP, then
# `kb report --json` must show all of it. Then /admin/report with KB_ADMIN_TOKEN:
# 404/401/403/200 and the page rendered by Chromium (a screenshot in artifacts/).
#
# Usage: scripts/feedback-check.sh   (KB=PATH for the kb binary; default .build/debug/kb)
# Only 127.0.0.1 is targeted; every process started here is stopped by its pid.
set -euo pipefail
cd "$(dirname "$0")/.."

KB="${KB:-.build/debug/kb}"
PY="${PYTHON:-python3}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/kb-feedback-check.XXXXXX")"
DB="$WORK/analytics.sqlite"
TOKEN="feedback-check-$$-$RANDOM"
log() { echo "feedback-check: $*"; }

. scripts/kb-server.sh
cleanup() {
  stop_kb 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

if ! node --no-warnings --experimental-websocket -e 'process.exit(typeof WebSocket === "function" ? 0 : 1)' 2>/dev/null; then
  log "FAILED: node $(node --version) has no WebSocket (20.10 or later has)"
  exit 1
fi

KB_ADMIN_TOKEN="$TOKEN" start_kb "$KB" "$WORK/kb.log" --log-level warning --analytics "$DB"

run() { timeout 90 node --no-warnings --experimental-websocket scripts/feedback-check.mjs "$@"; }
run "$URL/articles/unlock-account.html" --answer no
run "$URL/articles/unlock-account.html" --answer yes --no-js
run "$URL/id/codes/51.html" --answer no --thanks "Terima kasih atas masukan Anda."
run "$URL/id/codes/51.html" --answer yes --no-js --thanks "Terima kasih atas masukan Anda."
for _ in 1 2; do
  "$PY" -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1]).read()' "$URL/v1/search?q=xyzzy"
done

# The report routes: 401 without the header, 403 with a wrong token, 200 with the right one.
status() { "$PY" - "$@" <<'PYEOF'
import sys, urllib.request, urllib.error
request = urllib.request.Request(sys.argv[1])
if len(sys.argv) > 2: request.add_header("Authorization", "Bearer " + sys.argv[2])
try:
    with urllib.request.urlopen(request) as response: print(response.status)
except urllib.error.HTTPError as error:
    print(error.code, error.headers.get("WWW-Authenticate") or "")
PYEOF
}
[ "$(status "$URL/admin/report")" = '401 Bearer realm="kb report"' ] || { log "FAILED: /admin/report without a token"; exit 1; }
[ "$(status "$URL/admin/report" wrong)" = "403 " ] || { log "FAILED: /admin/report with a wrong token"; exit 1; }
[ "$(status "$URL/admin/report" "$TOKEN")" = "200" ] || { log "FAILED: /admin/report with the token"; exit 1; }

# The admin page in Chromium (a screenshot; its DOM must hold the chart and the query).
# Chromium cannot send the header from the command line, so a local proxy adds it.
"$PY" - "$URL" "$TOKEN" "$WORK" <<'PYEOF' &
import http.server, sys, urllib.error, urllib.request
upstream, token, work = sys.argv[1], sys.argv[2], sys.argv[3]
class Proxy(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        request = urllib.request.Request(upstream + self.path, headers={"Authorization": "Bearer " + token})
        try:
            response = urllib.request.urlopen(request)
        except urllib.error.HTTPError as error:
            response = error
        with response:
            body = response.read()
            self.send_response(response.status if hasattr(response, "status") else response.code)
            for name, value in response.headers.items():
                if name.lower() not in ("transfer-encoding", "connection", "content-length"): self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
    def log_message(self, *args): pass
server = http.server.HTTPServer(("127.0.0.1", 0), Proxy)
open(work + "/proxy-port", "w").write(str(server.server_address[1]))
server.serve_forever()
PYEOF
PROXY_PID=$!
for _ in $(seq 50); do [ -s "$WORK/proxy-port" ] && break; sleep 0.1; done
PROXY="http://127.0.0.1:$(cat "$WORK/proxy-port")"
mkdir -p artifacts
dom="$(timeout 60 chromium --headless=new --no-sandbox --disable-gpu --dump-dom "$PROXY/admin/report" 2>/dev/null)"
timeout 60 chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,1400 \
  --screenshot="$PWD/artifacts/admin-report.png" "$PROXY/admin/report" >/dev/null 2>&1 || true
kill "$PROXY_PID" 2>/dev/null || true
echo "$dom" | grep -q '<svg' && echo "$dom" | grep -q 'xyzzy' || { log "FAILED: /admin/report in Chromium has no chart or no xyzzy"; exit 1; }
log "Chromium: /admin/report renders its chart (artifacts/admin-report.png)"

# A graceful stop writes the queue out; then the report must hold every click and search.
stop_kb
"$KB" report --analytics "$DB" --json > "$WORK/report.json"
"$KB" report --analytics "$DB"
"$PY" - "$WORK/report.json" <<'PYEOF'
import json, sys
report = json.load(open(sys.argv[1]))
pages = {(p["kind"], p["id"]): p for p in report["pages"]}
article, code = pages.get(("article", "unlock-account")), pages.get(("code", "51"))
zero = {q["query"]: q["count"] for q in report["zeroResultQueries"]}
problems = []
if not article or (article["helpful"], article["notHelpful"]) != (1, 1): problems.append("unlock-account: %r" % article)
if not code or (code["helpful"], code["notHelpful"]) != (1, 1): problems.append("code 51: %r" % code)
if zero.get("xyzzy") != 2: problems.append("xyzzy among zero-result queries: %r" % zero)
if problems:
    sys.exit("feedback-check: FAILED: kb report: " + "; ".join(problems))
print("feedback-check: kb report shows Yes and No with and without JavaScript on both pages, and xyzzy twice")
PYEOF
