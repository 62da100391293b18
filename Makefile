# minisim: `make run` opens the example game, `make test` runs every test.
# Both install missing system packages first (Debian/Ubuntu).

GO ?= $(shell command -v go 2>/dev/null || echo /usr/local/go/bin/go)
EXAMPLE ?= examples/starcatch
BIN := bin/minisim

.PHONY: run test build deps bench windows goldens clean help

## help: list the targets
help:
	@grep -E '^## ' Makefile | sed 's/^## //'

## deps: install missing build and test prerequisites
deps:
	@scripts/install-deps.sh

## build: build bin/minisim
build:
	$(GO) build -o $(BIN) ./cmd/minisim

## run: open the example game in a window (EXAMPLE=dir for another)
run: deps build
	$(BIN) $(EXAMPLE)

## test: vet and run all tests (GL tests start their own Xvfb when there is no display)
test: deps
	$(GO) vet ./...
	$(GO) test -count=1 ./...

## bench: bunnymark in minisim and headless Chromium, interleaved, with ratios
bench: build
	@scripts/install-deps.sh bench
	bench/run.sh

## windows: cross-compile bin/minisim.exe (Debian: installs mingw-w64), as CI does
windows:
	@command -v x86_64-w64-mingw32-gcc >/dev/null || scripts/install-deps.sh windows
	GOOS=windows GOARCH=amd64 CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc $(GO) build -o bin/minisim.exe ./cmd/minisim

## goldens: render the conformance scenes in headless Chromium (conformance/golden)
goldens:
	conformance/tools/render-goldens.sh

## clean: remove build outputs
clean:
	rm -rf bin
