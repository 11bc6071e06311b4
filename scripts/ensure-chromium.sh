#!/usr/bin/env bash
# Playwright drives Debian's Chromium (Playwright's own browser download cannot
# work offline). Installs it when missing and we are root; otherwise explains.
set -euo pipefail
if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the browser tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "Chromium is missing: install Debian's 'chromium' package (sudo apt-get install chromium) or set CHROMIUM_PATH." >&2
  exit 1
fi
