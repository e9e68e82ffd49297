#!/usr/bin/env bash
# CI: `make install` into a temporary prefix, then checks the installed kb as a user
# would meet it: the binary runs from there (with its built-in content, from an empty
# folder), every man page renders without warnings, the bash completion script parses
# and completing `kb se` offers `search`; `make uninstall` then removes every file.
set -euo pipefail
cd "$(dirname "$0")/.."

need=""
command -v man >/dev/null || need="$need man-db"
command -v groff >/dev/null || need="$need groff-base"
if [ -n "$need" ]; then
  SUDO=$([ "$(id -u)" -eq 0 ] || echo sudo)
  echo "install-check: installing$need"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $need >/dev/null
fi

prefix=$(mktemp -d)
empty=$(mktemp -d)
trap 'rm -rf "$prefix" "$empty"' EXIT
fail() { echo "install-check: FAILED: $*" >&2; exit 1; }

make install PREFIX="$prefix"
kb="$prefix/bin/kb"
[ -x "$kb" ] || fail "no executable at $kb"

version=$(cd "$empty" && env -i PATH=/usr/bin:/bin "$kb" --version)
echo "$version" | grep -q "^content: built-in, updated " || fail "kb --version from an empty folder: $version"
# Captured first: grep -q stops reading at the first match, and pipefail would count kb's SIGPIPE.
found=$(cd "$empty" && env -i PATH=/usr/bin:/bin "$kb" search "acount locked" --json)
echo "$found" | grep -Eq '"id" ?: ?"unlock-account"' || fail "the installed kb does not find unlock-account"
echo "install-check: the installed kb runs from an empty folder ($(echo "$version" | tail -n 1))"

pages=$(ls "$prefix/share/man/man1/"*.1)
count=0
for page in $pages; do
  warnings=$(MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null || true)
  [ -z "$warnings" ] || fail "man -l $page warns: $warnings"
  rendered=$(MANWIDTH=80 man -l "$page" 2>/dev/null)
  [ -n "$rendered" ] || fail "man -l $page renders nothing"
  count=$((count + 1))
done
[ -f "$prefix/share/man/man1/kb.1" ] || fail "no kb.1"
rendered=$(MANWIDTH=80 man -l "$prefix/share/man/man1/kb.1" 2>/dev/null)
echo "$rendered" | grep -q "search" || fail "kb.1 does not mention search"
echo "install-check: $count man pages render without warnings"

completion="$prefix/share/bash-completion/completions/kb"
bash -n "$completion" || fail "bash -n rejects $completion"
offered=$(bash -c '
  source "$1"
  COMP_WORDS=(kb se); COMP_CWORD=1; COMP_LINE="kb se"; COMP_POINT=${#COMP_LINE}
  func=$(complete -p kb | sed -E "s/.*-F ([^ ]+).*/\1/")
  "$func" kb se kb
  printf "%s\n" "${COMPREPLY[@]}"
' _ "$completion")
echo "$offered" | grep -qx "search" || fail "completing 'kb se' offers: $offered"
[ -s "$prefix/share/zsh/site-functions/_kb" ] || fail "no zsh completion"
[ -s "$prefix/share/fish/vendor_completions.d/kb.fish" ] || fail "no fish completion"
echo "install-check: completing 'kb se' offers: $(echo $offered)"

make uninstall PREFIX="$prefix"
left=$(find "$prefix" -type f)
[ -z "$left" ] || fail "make uninstall left: $left"
echo "install-check: make uninstall removed every installed file"
echo "install-check: passed"
