#!/usr/bin/env bash
# The end-to-end tests drive a real Chromium (Playwright cannot download its own here).
# Finds it; as root on Debian installs Debian's package; otherwise says how to get one.
set -euo pipefail

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then
  exit 0
fi

if [ -z "${CHROMIUM_PATH:-}" ] && [ "$(id -u)" = 0 ] && [ -f /etc/debian_version ] && command -v apt-get >/dev/null; then
  echo "No Chromium found: installing Debian's chromium package for the end-to-end tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  if [ -x /usr/bin/chromium ]; then
    echo "Installed $(/usr/bin/chromium --version)"
    exit 0
  fi
fi

cat >&2 <<MSG
The end-to-end tests need Chromium and none was found at $chromium.
  Debian or Ubuntu:  sudo apt-get install chromium
  Elsewhere:         install Chromium or Chrome and set CHROMIUM_PATH to its binary,
                     e.g. CHROMIUM_PATH=/usr/bin/google-chrome npm test
MSG
exit 1
