#!/usr/bin/env bash
# Runs every test of the project: the edge authorizer's and the local edge's (node's test runner),
# then the client's and the operator's unit and integration tests (Maven), which start a real
# kube-apiserver and the AWS emulator themselves, and the browser test in headless Chromium.
# local-env/setup.sh and install-browser.sh provide those first (cached after the first run).
set -Eeuo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"

"$here/setup.sh"
"$here/install-browser.sh"

echo "== authorizer tests"
(cd "$root/authorizer" && npm ci --no-audit --no-fund --loglevel=error && npm test)

echo "== local edge tests"
(cd "$root/local-env/edge" && npm test)

# The browser test runs inside the operator's integration tests (LocalEdgeIT), against a store the
# operator reconciled; its dependencies are installed here.
(cd "$root/browser" && npm ci --no-audit --no-fund --loglevel=error)

echo "== operator tests"
(cd "$root" && mvn -B -ntp verify)
