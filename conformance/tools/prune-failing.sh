#!/usr/bin/env bash
# Removes from failing.txt the scenes that now pass (the conformance test
# names them), so the list stays exact. Run from anywhere.
set -euo pipefail
dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$dir"
passing=$(go test -count=1 -v -run TestScenesMatchChromium . 2>&1 |
  awk '/=== RUN   TestScenesMatchChromium\// { sub(/.*\//, ""); name = $0 } /passes now: remove it/ { print name }') || true
for name in $passing; do
  sed -i "/^$name:/d" failing.txt
  echo "now passing: $name"
done
go test -count=1 -v -run TestScenesMatchChromium . 2>&1 | grep -o "conformance: .*" | head -1 || true
