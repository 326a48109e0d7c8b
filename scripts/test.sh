#!/usr/bin/env bash
# Installs everything (scripts/setup.sh), then runs every check and test: types, lint, formatting,
# the vitest suites (unit, integration) with a real keychain on a private D-Bus session, the interface
# end to end in Chromium (Playwright, browser host + demo server), and the Electron end-to-end tests
# (reported as skipped, with the reason, where the Electron binary is not installed).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
bash scripts/setup.sh
source scripts/env.sh

step() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
status=0
rm -rf test-results && mkdir -p test-results
step "Type-checking" && npm run -s typecheck || status=1
step "Linting" && npm run -s lint || status=1
step "Formatting" && npm run -s format:check || status=1

step "Unit and integration tests (vitest)"
dbus-run-session -- bash scripts/with-keyring.sh npx vitest run \
  --reporter=default --reporter=json --outputFile.json=test-results/vitest.json || status=1

step "Interface end to end (Playwright, Chromium)"
PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/e2e.json \
  npx playwright test --project=chromium-setup --project=chromium --reporter=list,json || status=1

step "Desktop app end to end (Playwright, Electron)"
# Electron needs a display: a virtual one where there is none.
xvfb=()
[ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null 2>&1 && xvfb=(xvfb-run -a)
PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/e2e-electron.json \
  dbus-run-session -- bash scripts/with-keyring.sh "${xvfb[@]}" npx playwright test --project=electron \
  --reporter=list,json || status=1

step "Summary"
node scripts/test-summary.mjs test-results/vitest.json test-results/e2e.json test-results/e2e-electron.json || status=1
exit $status
