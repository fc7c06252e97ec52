#!/usr/bin/env bash
# Copies the committed CRD (crds/, generated from the Java types) into the chart, which Helm can only
# read from inside its own folder. templates/crd.yaml wraps the copy (labels, the keep policy, the
# crds.enabled switch); ChartCrdIsInSyncTest fails until this has been run after a CRD change.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
name=protectedfilestores.protectedfiles.io-v1.yml
cp "$root/crds/$name" "$root/helm/protected-file-store-operator/files/crds/$name"
echo "copied crds/$name into the chart"
