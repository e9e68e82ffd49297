# kb: build, test and run the Midtrans merchant help center.
#   make serve   install what is missing, build, and run kb on the shipped Content
#   make test    install what is missing, build, and run every test

SYSTEM_PACKAGES := libxml2-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libstemmer-dev libpsl-dev
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
KB := .build/debug/kb

.PHONY: deps build test check serve bench site site-check site-bench clean

## Install the Debian packages kb links against, only those missing.
deps:
	@missing=""; \
	for package in $(SYSTEM_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$package"; \
	done; \
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

## Until the HTTP server lands, the main job is the terminal help center.
serve: build
	@$(KB) check
	@echo
	@echo "kb has no HTTP server yet: here is the help center in the terminal."
	@echo "Try: $(KB) show unlock-account, $(KB) code 51, $(KB) --help"
	@echo
	@$(KB) list

## Search speed against SQLite FTS5 and tantivy on ../shared/bench (not part of the tests).
bench: deps
	bash scripts/bench.sh

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

clean:
	rm -rf .build
