# kb: build, test and run the Midtrans merchant help center.
#   make serve        install what is missing, build, and serve the shipped Content on http://127.0.0.1:8080
#   make test         install what is missing, build, and run every test
#   make conformance  schemathesis against a live kb serve (installs schemathesis if missing)
#   make load         kb serve (release) and nginx under wrk, side by side (not in CI)
#   make soak         kb serve (release) under wrk for 10 minutes, RSS sampled each minute (not in CI)
#   make install      build in release mode, install kb, its man pages and completions (PREFIX, DESTDIR)
#   make uninstall    remove exactly what make install installed
#   make scale        how load time, memory, search and site build grow to 100,000 articles (not in CI)
#   make fuzz         hostile clients against kb serve (release): 100,000 requests, slowloris, SIGHUPs (not in CI)

SYSTEM_PACKAGES := libxml2-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libstemmer-dev libpsl-dev zlib1g-dev libsqlite3-dev
# The PostgreSQL analytics tests start a throwaway cluster with its initdb and pg_ctl.
TEST_PACKAGES := postgresql
# node runs search.js in the tests; any node on PATH will do.
NODE_PACKAGE := nodejs
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
KB := .build/debug/kb
HOST ?= 127.0.0.1
PORT ?= 8080

PREFIX ?= /usr/local
DESTDIR ?=
.PHONY: deps build test check serve conformance load soak fuzz bench scale site site-check site-bench install uninstall install-check clean


## Install the Debian packages kb links against, and node (the test of the site's
## search.js runs it), only those missing.
deps:
	@missing=""; \
	for package in $(SYSTEM_PACKAGES) $(TEST_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$package"; \
	done; \
	command -v node >/dev/null 2>&1 || missing="$$missing $(NODE_PACKAGE)"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	swift build

test: deps
	swift build --build-tests
	swift test --skip-build

check: build
	$(KB) check

## Serve the JSON API, /healthz, /metrics and /openapi.yaml on the shipped Content;
## reloads on content changes. HOST=… PORT=… to listen elsewhere; Ctrl-C stops.
serve: build
	$(KB) serve --host $(HOST) --port $(PORT) --watch

## schemathesis against a live kb serve on a free loopback port.
conformance: build
	bash scripts/conformance.sh

## kb serve (release) and nginx under wrk, with req/s, p50/p99 and RSS.
load: deps
	bash scripts/load.sh

## kb serve under load for MINUTES (10) minutes; prints RSS each minute and whether it stayed flat.
soak: deps
	bash scripts/soak.sh

## Hostile clients against kb serve (release): issue 17's reproductions, 100,000 fuzzed
## requests with a normal client's p99 measured, slowloris, SIGHUP and --watch bursts.
fuzz: deps
	bash scripts/fuzz.sh

## Search speed against SQLite FTS5 and tantivy on ../shared/bench (not part of the tests).
bench: deps
	bash scripts/bench.sh

## Load, memory, search and site build at 1x, 10x, 100x Content and 100,000 kit articles (not in CI).
scale: deps
	bash scripts/scale.sh

## The static help site in _site/ (open _site/index.html).
site: build
	$(KB) site build --out _site

## Build the site, run the Nu HTML checker over every page and the offline search in
## headless Chromium, and take screenshots into artifacts/ (installs what is missing).
site-check: deps
	bash scripts/site-check.sh

## Site build speed against Hugo on ../shared/bench (not part of the tests).
site-bench: deps
	bash scripts/site-bench.sh

## Release build; kb to $(DESTDIR)$(PREFIX)/bin, man pages to share/man/man1, completions
## to share/bash-completion, share/zsh/site-functions and share/fish/vendor_completions.d.
install: deps
	PREFIX="$(PREFIX)" DESTDIR="$(DESTDIR)" bash scripts/install.sh

## Removes the files listed in $(DESTDIR)$(PREFIX)/share/kb/installed-files.
uninstall:
	PREFIX="$(PREFIX)" DESTDIR="$(DESTDIR)" bash scripts/uninstall.sh

## make install into a temporary prefix; runs the installed kb, renders every man page,
## checks the bash completion; then make uninstall (CI).
install-check: deps
	bash scripts/install-check.sh

clean:
	rm -rf .build
