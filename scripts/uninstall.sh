#!/usr/bin/env bash
# make uninstall: removes exactly the files `make install` listed in
# $DESTDIR$PREFIX/share/kb/installed-files, then the folders it leaves empty.
set -euo pipefail
prefix=${PREFIX:-/usr/local}
root="${DESTDIR:-}${prefix}"
manifest="$root/share/kb/installed-files"
if [ ! -f "$manifest" ]; then
  echo "kb uninstall: $manifest not found; nothing was installed under ${DESTDIR:-}$prefix by make install" >&2
  exit 1
fi
count=0
while IFS= read -r file; do
  [ -n "$file" ] || continue
  case "$file" in "$prefix"/*) ;; *) echo "kb uninstall: skipping '$file', not under $prefix" >&2; continue ;; esac
  if [ -e "${DESTDIR:-}$file" ]; then rm -f "${DESTDIR:-}$file"; count=$((count + 1)); fi
done <"$manifest"
rmdir "$root/share/kb" 2>/dev/null || true
echo "kb uninstall: removed $count files from ${DESTDIR:-}$prefix"
