#!/usr/bin/env bash
# A runner for ../shared/bench/run-suite.sh: runs bunnymark in minisim,
# headless in real time, and prints its BENCH line.
#
#   bench/minisim-runner.sh <sprites|text|shapes> <ramp|fixed> [key=value ...]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
game="${GAME_DIR:-$root/../shared/games/bunnymark}"
[ $# -ge 2 ] || { echo "usage: $0 <kind> <mode> [key=value ...]" >&2; exit 2; }
query="kind=$1&mode=$2"
shift 2
for kv in "$@"; do query="$query&$kv"; done
exec "$root/bin/minisim" --headless --realtime --query "$query" "$game"
