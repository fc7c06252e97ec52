#!/usr/bin/env bash
# Installs Debian's Chromium for the browser test (browser/), once: the test drives it with
# playwright-core and never downloads a browser of its own.
set -Eeuo pipefail
if ! command -v chromium >/dev/null 2>&1; then
  echo "installing Debian's chromium for the browser test"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
chromium --version
