#!/usr/bin/env bash
# Runs a command with a real, unlocked Secret Service (gnome-keyring) on a private D-Bus session, so
# the keychain is tested for real. Call it inside `dbus-run-session -- scripts/with-keyring.sh CMD…`.
set -euo pipefail
# A throwaway keyring home: never touches the user's own keyrings.
export XDG_DATA_HOME="$(mktemp -d)"
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d)}"
if command -v gnome-keyring-daemon >/dev/null 2>&1; then
  # --unlock reads the password on stdin and creates the login keyring; it prints env assignments.
  eval "$(printf 'test-password' | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)" || true
  export SDESK_TEST_KEYRING=1
fi
exec "$@"
