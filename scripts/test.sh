#!/usr/bin/env bash
# Installs everything (scripts/setup.sh), then runs every check and test: types, lint, formatting,
# the workflows (actionlint), the vitest suites (unit, integration) with a real keychain on a private
# D-Bus session where there is one, the interface end to end in Chromium (Playwright, browser host +
# demo server), the Electron end-to-end tests (reported as skipped, with the reason, where the
# Electron binary is not installed), and the package check (the packaged layout, from a stand-in
# Electron on Linux). Ends with one line: "N passed, N failed, N skipped".
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
bash scripts/setup.sh
source scripts/env.sh

step() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
# A check that is not a test suite still counts in the summary: one result, passed or failed.
record() { node scripts/test-summary.mjs --record "test-results/$1.json" "$1" "$2" "${3:-}"; }
status=0
rm -rf test-results && mkdir -p test-results
step "Type-checking" && npm run -s typecheck || status=1
step "Linting" && npm run -s lint || status=1
step "Formatting" && npm run -s format:check || status=1

step "Workflows (actionlint)"
if npm run -s lint:workflows; then
  record actionlint passed
else
  record actionlint failed "actionlint found problems in .github/workflows (or there are no workflows)"
  status=1
fi

# The keychain tests need a Secret Service on a private D-Bus session (Linux); macOS and Windows
# have their own keychain.
keyring=()
command -v dbus-run-session >/dev/null 2>&1 && keyring=(dbus-run-session -- bash scripts/with-keyring.sh)

step "Unit and integration tests (vitest)"
"${keyring[@]+"${keyring[@]}"}" npx vitest run \
  --reporter=default --reporter=json --outputFile.json=test-results/vitest.json || status=1

step "Interface end to end (Playwright, Chromium)"
PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/e2e.json \
  npx playwright test --project=chromium-setup --project=chromium --reporter=list,json || status=1

step "Desktop app end to end (Playwright, Electron)"
# Electron needs a display: a virtual one where there is none (Linux).
xvfb=()
[ "$(uname -s)" = Linux ] && [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null 2>&1 && xvfb=(xvfb-run -a)
PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/e2e-electron.json \
  "${keyring[@]+"${keyring[@]}"}" "${xvfb[@]+"${xvfb[@]}"}" npx playwright test --project=electron \
  --reporter=list,json || status=1

step "Package check (electron-builder, stand-in Electron)"
if [ "$(uname -s)" = Linux ]; then
  npx vitest run --config vitest.package.config.ts \
    --reporter=default --reporter=json --outputFile.json=test-results/package.json || status=1
else
  # The stand-in is a Linux Electron; here the real one is installed and `npm run package` builds.
  record package skipped "the package check builds the Linux layout; on $(uname -s) npm run package builds the real installers"
fi

step "Summary"
node scripts/test-summary.mjs test-results/vitest.json test-results/e2e.json test-results/e2e-electron.json \
  test-results/actionlint.json test-results/package.json || status=1
exit $status
