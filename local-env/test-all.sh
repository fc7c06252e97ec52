#!/usr/bin/env bash
# Runs every test of the project: the edge authorizer's (node's test runner), then the operator's
# unit and integration tests (Maven), which start a real kube-apiserver and the AWS emulator
# themselves. local-env/setup.sh provides those first (cached after the first run).
set -Eeuo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"

"$here/setup.sh"

echo "== authorizer tests"
(cd "$root/authorizer" && npm ci --no-audit --no-fund --loglevel=error && npm test)

echo "== operator tests"
(cd "$root" && mvn -B -ntp verify)
