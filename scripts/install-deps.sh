#!/usr/bin/env bash
# Installs what building and testing minisim needs, where the OS allows:
# Debian/Ubuntu get the cgo/X11/GL headers for GLFW, plus Xvfb and Mesa so
# tests and --headless runs work without a display. Only missing packages
# are installed, so a second run costs a few dpkg look-ups.
#
#   scripts/install-deps.sh          build + test prerequisites
#   scripts/install-deps.sh bench    also Chromium and Node for `make bench`
#   scripts/install-deps.sh windows  also mingw-w64 for `make windows`
set -euo pipefail

need=(build-essential pkg-config libgl-dev libx11-dev libxcursor-dev libxrandr-dev
      libxinerama-dev libxi-dev libxxf86vm-dev libasound2-dev xvfb xauth libgl1-mesa-dri)
if [ "${1:-}" = windows ]; then
  need+=(gcc-mingw-w64-x86-64)
fi
if [ "${1:-}" = bench ]; then
  need+=(chromium fonts-liberation2)
  # Node may come from elsewhere than dpkg (nodesource, nvm): ask for the commands.
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || need+=(nodejs npm)
fi

case "$(uname -s)" in
  Darwin)
    if ! xcode-select -p >/dev/null 2>&1; then
      echo "minisim needs the Xcode command line tools for cgo: run 'xcode-select --install'" >&2
      exit 1
    fi
    command -v go >/dev/null || { echo "install Go 1.22+ (https://go.dev/dl or 'brew install go')" >&2; exit 1; }
    exit 0 ;;
  MINGW*|MSYS*|CYGWIN*)
    command -v gcc >/dev/null || { echo "minisim needs a cgo C compiler on Windows: install MSYS2's mingw-w64-x86_64-gcc and put it on PATH" >&2; exit 1; }
    exit 0 ;;
esac

if ! command -v dpkg >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  echo "not a Debian/Ubuntu system: install a C compiler, pkg-config, the X11/Xcursor/Xrandr/Xinerama/Xi/Xxf86vm and GL development headers, Xvfb and Mesa with your package manager" >&2
  exit 0
fi

missing=()
for p in "${need[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing: ${missing[*]}" >&2
  $sudo apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

if ! command -v go >/dev/null 2>&1 && [ ! -x /usr/local/go/bin/go ]; then
  echo "Go is missing: install Go 1.22+ (Debian: apt-get install golang-go, or https://go.dev/dl)" >&2
  exit 1
fi
