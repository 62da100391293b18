#!/usr/bin/env bash
# make goldens: renders the conformance scenes in headless Chromium (Debian's
# chromium package) into conformance/golden/. Installs what is missing.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$here/../../scripts/install-deps.sh" bench
if [ ! -f "$here/node_modules/playwright-core/package.json" ]; then
  (cd "$here" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-package-lock --no-audit --no-fund --loglevel=error)
fi
exec node "$here/render-chromium.js" "$@"
