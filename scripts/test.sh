#!/usr/bin/env bash
# Installs everything (scripts/setup.sh), then runs every check and test: types, lint, formatting,
# and the test suites (unit, integration, browser) with a real keychain on a private D-Bus session.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
bash scripts/setup.sh
source scripts/env.sh

step() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
step "Type-checking";   npm run -s typecheck
step "Linting";         npm run -s lint
step "Formatting";      npm run -s format:check
step "Tests"
mkdir -p test-results
status=0
dbus-run-session -- bash scripts/with-keyring.sh npx vitest run \
  --reporter=default --reporter=json --outputFile.json=test-results/vitest.json || status=$?
node scripts/test-summary.mjs test-results/vitest.json || status=1
exit $status
