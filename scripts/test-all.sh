#!/usr/bin/env bash
# Installs everything the tests need (Debian's Chromium, npm packages) and runs every check:
# typecheck, lint, format, unit tests (Vitest) and end-to-end journeys (Playwright).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's Chromium for the end-to-end tests..."
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi

npm ci --no-audit --no-fund
npm test
