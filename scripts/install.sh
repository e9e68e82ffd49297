#!/usr/bin/env bash
# make install: builds kb in release mode and installs the binary, its man pages (made by
# swift-argument-parser's generate-manual plugin from the debug build, whose help text is
# the same; it would otherwise build every product again in release mode) and its
# bash, zsh and fish completions under $DESTDIR$PREFIX; writes the list of installed files
# to $DESTDIR$PREFIX/share/kb/installed-files so that `make uninstall` removes exactly those.
#   PREFIX   where kb goes (default /usr/local)
#   DESTDIR  a staging root for packagers (default empty)
set -euo pipefail
cd "$(dirname "$0")/.."

prefix=${PREFIX:-/usr/local}
root="${DESTDIR:-}${prefix}"

echo "kb install: building kb (release)…"
swift build -c release --product kb
echo "kb install: generating the man pages (swift-argument-parser's generate-manual plugin)…"
manuals=$(mktemp -d)
trap 'rm -rf "$manuals"' EXIT
swift package plugin generate-manual --configuration debug --multi-page --date "$(date -u +%Y-%m-%d)" >"$manuals/log" 2>&1 || {
  cat "$manuals/log" >&2
  echo "kb install: generating the man pages failed" >&2
  exit 1
}
pages=$(find .build/plugins/GenerateManual/outputs -name 'kb*.1' -path '*/kb/*' | sort)
if [ -z "$pages" ]; then
  echo "kb install: the generate-manual plugin wrote no kb man page" >&2
  exit 1
fi

bin="$root/bin"
man1="$root/share/man/man1"
bash_dir="$root/share/bash-completion/completions"
zsh_dir="$root/share/zsh/site-functions"
fish_dir="$root/share/fish/vendor_completions.d"
manifest_dir="$root/share/kb"
install -d "$bin" "$man1" "$bash_dir" "$zsh_dir" "$fish_dir" "$manifest_dir"

installed=()
install -m 755 .build/release/kb "$bin/kb"
installed+=("$prefix/bin/kb")
for page in $pages; do
  # generate-manual writes a paragraph break of --help text as an empty line, which mdoc
  # warns about; .Pp is mdoc's paragraph break.
  sed 's/^[[:space:]]*$/.Pp/' "$page" >"$manuals/$(basename "$page")"
  install -m 644 "$manuals/$(basename "$page")" "$man1/$(basename "$page")"
  installed+=("$prefix/share/man/man1/$(basename "$page")")
done
.build/release/kb --generate-completion-script bash >"$bash_dir/kb"
.build/release/kb --generate-completion-script zsh >"$zsh_dir/_kb"
.build/release/kb --generate-completion-script fish >"$fish_dir/kb.fish"
chmod 644 "$bash_dir/kb" "$zsh_dir/_kb" "$fish_dir/kb.fish"
installed+=("$prefix/share/bash-completion/completions/kb" "$prefix/share/zsh/site-functions/_kb" "$prefix/share/fish/vendor_completions.d/kb.fish")
installed+=("$prefix/share/kb/installed-files")
printf '%s\n' "${installed[@]}" >"$manifest_dir/installed-files"

echo "kb install: ${#installed[@]} files under ${DESTDIR:-}$prefix:"
printf '  %s\n' "${installed[@]}"
