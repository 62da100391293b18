#!/usr/bin/env bash
# make bench: bunnymark ramps (sprites, text, shapes) in minisim and in
# headless Chromium on this machine, interleaved and repeated, then a table
# of medians, spreads and the minisim/Chromium ratio per kind; then the
# startup time of the example game.
#
#   REPS=5 bench/run.sh          more passes (default 3)
#   KINDS="sprites" bench/run.sh one kind
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
[ -x "$root/../shared/bench/run-chromium.sh" ] || { echo "bench: ../shared/bench is missing (it sits beside the repository)" >&2; exit 1; }
# The Chromium harness installs playwright-core next to itself; run a copy
# in bench/.work (git-ignored) so shared/ stays untouched.
work="$here/.work"
mkdir -p "$work/bench" "$work/games"
cp -r "$root/../shared/bench/." "$work/bench/"
cp -r "$root/../shared/games/." "$work/games/"
shared="$work/bench"
REPS="${REPS:-3}"
KINDS="${KINDS:-sprites text shapes}"
out="${OUT:-$here/results-$(date +%Y%m%d-%H%M%S)}"

# One display for every run, so neither engine pays for starting one.
if [ -z "${DISPLAY:-}" ]; then
  n=77
  Xvfb ":$n" -screen 0 1280x1440x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  trap 'kill $xvfb 2>/dev/null || true' EXIT
  export DISPLAY=":$n"
  sleep 1
fi

: > "$out-chromium.txt"
: > "$out-minisim.txt"
for rep in $(seq 1 "$REPS"); do
  for kind in $KINDS; do
    # Alternate which engine goes first, so slow phases of the machine hit both.
    if [ $((rep % 2)) -eq 1 ]; then order="minisim chromium"; else order="chromium minisim"; fi
    for engine in $order; do
      echo "# pass $rep/$REPS: $engine $kind ramp" >&2
      if [ "$engine" = chromium ]; then
        "$shared/run-chromium.sh" --wait-idle 60 "$kind" ramp 2>/dev/null | grep '^BENCH kind=' | tee -a "$out-chromium.txt" >&2 || echo "# chromium run failed" >&2
      else
        "$here/minisim-runner.sh" "$kind" ramp 2>/dev/null | grep '^BENCH kind=' | tee -a "$out-minisim.txt" >&2 || echo "# minisim run failed" >&2
      fi
    done
  done
done

echo
echo "## bunnymark ramps: items sustained at 60 fps (ratio = minisim / chromium)"
node "$shared/summarize.js" --label chromium "$out-chromium.txt" --label minisim "$out-minisim.txt"

echo
echo "## startup and hot reload of the example game"
cd "$root"
go test -run '^$' -bench 'BenchmarkStartup|BenchmarkHotReload' -benchtime 20x ./simulator/ | grep -E '^Benchmark'

