#!/usr/bin/env bash
# Provides the local stand-ins the operator is developed and tested against:
#   kube-apiserver, kubectl (Kubernetes), etcd, helm  - built from source through the Go module proxy
#   moto[server] with the project's fidelity extension - in a Python virtual environment
#   lua5.4 (Debian's package)                       - runs the chart's Argo CD health check in tests
# Everything lands in a cache folder outside the repository and is reused when present, so only the
# first run on a machine pays for the builds (about 9 minutes on 2 cores with empty Go caches,
# mostly kube-apiserver, whose link peaks near 1.8 GB of memory).
#
# Usage: local-env/setup.sh            build what is missing, print the cache folder's layout
#        PFS_CACHE_DIR=/some/dir ...   use another cache folder (default ~/.cache/protected-file-store)
set -Eeuo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=versions.env
source "$here/versions.env"
cache="${PFS_CACHE_DIR:-$HOME/.cache/protected-file-store}"
k8s_dir="$cache/k8s/${KUBERNETES_VERSION}-linux-amd64"
logs="$cache/logs"
mkdir -p "$k8s_dir" "$cache/bin" "$logs"

step=""
on_error() {
  echo "setup: step '$step' failed." >&2
  [ -n "${step_log:-}" ] && [ -f "$step_log" ] && { echo "--- last lines of $step_log ---" >&2; tail -n 30 "$step_log" >&2; }
  echo "Fix the cause shown above and run local-env/setup.sh again; finished steps are kept in $cache." >&2
}
trap on_error ERR

say() { printf '[setup %s] %s\n' "$(date +%H:%M:%S)" "$*"; }

# Runs a long command with its output in a log, printing a heartbeat so a person sees it progress.
run_logged() {
  step_log="$logs/$1.log"; shift
  "$@" >"$step_log" 2>&1 &
  local pid=$! started=$SECONDS
  while kill -0 "$pid" 2>/dev/null; do
    sleep 20
    kill -0 "$pid" 2>/dev/null && say "  ... $step still running ($((SECONDS - started)) s, log: $step_log)"
  done
  wait "$pid"
}

# A wrapper module that requires MODULE@VERSION and replaces each local-path replacement of a module
# it requires (Kubernetes' staging modules, etcd's sibling modules) by the published module at
# STAGING_VERSION.
# The replacements are read from the published go.mod, so they follow the version instead of a list.
make_wrapper_module() {
  local dir=$1 module=$2 version=$3 staging_version=$4
  rm -rf "$dir"; mkdir -p "$dir"
  (
    cd "$dir"
    go mod init "local-env/build/$(basename "$dir")" >/dev/null 2>&1
    local gomod
    gomod=$(go mod download -json "$module@$version" | python3 -c 'import json,sys; print(json.load(sys.stdin)["GoMod"])')
    python3 - "$gomod" "$staging_version" >replaces.txt <<'PY'
import re, sys
text = open(sys.argv[1]).read()
# Only modules the published go.mod requires: etcd also replaces test-only siblings it never builds.
required = set(re.findall(r'^\s*(?:require\s+)?(\S+)\s+v\S+(?:\s*//.*)?$', text, re.M))
blocks = re.findall(r'^replace\s*\((.*?)^\)', text, re.S | re.M)
lines = [l for b in blocks for l in b.splitlines()] + re.findall(r'^replace\s+([^(].*)$', text, re.M)
for line in lines:
    m = re.match(r'\s*(\S+)(?:\s+\S+)?\s*=>\s*(\.\S*)\s*$', line)
    if m and m.group(1) in required:
        print(f"{m.group(1)}={m.group(1)}@{sys.argv[2]}")
PY
    [ -s replaces.txt ] || { echo "no local replacements found in $gomod" >&2; exit 1; }
    while read -r r; do go mod edit -replace "$r"; done <replaces.txt
    go mod edit -require "$module@$version"
  )
}

build_kubernetes() {
  local bins=(kube-apiserver kubectl)
  if [ -x "$k8s_dir/kube-apiserver" ] && [ -x "$k8s_dir/kubectl" ]; then
    say "kube-apiserver and kubectl $KUBERNETES_VERSION: cached"; return
  fi
  step="build Kubernetes $KUBERNETES_VERSION"
  say "$step (first time only; about 5 minutes on 2 cores)"
  local dir="$cache/build/kubernetes"
  local minor=${KUBERNETES_VERSION#*.}; minor=${minor%%.*}
  make_wrapper_module "$dir" k8s.io/kubernetes "v$KUBERNETES_VERSION" "v0.${KUBERNETES_VERSION#*.}"
  local ldflags="-s -w"
  for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    ldflags+=" -X $pkg.gitVersion=v$KUBERNETES_VERSION -X $pkg.gitMajor=1 -X $pkg.gitMinor=$minor"
    ldflags+=" -X $pkg.gitTreeState=clean -X $pkg.buildDate=1970-01-01T00:00:00Z"
  done
  (
    cd "$dir"
    run_logged kubernetes-get go get "k8s.io/kubernetes/cmd/kube-apiserver@v$KUBERNETES_VERSION" "k8s.io/kubernetes/cmd/kubectl@v$KUBERNETES_VERSION"
    for b in "${bins[@]}"; do
      step="build $b $KUBERNETES_VERSION"
      say "$step"
      CGO_ENABLED=0 run_logged "$b" go build -trimpath -ldflags "$ldflags" -o "$k8s_dir/$b.tmp" "k8s.io/kubernetes/cmd/$b"
      mv "$k8s_dir/$b.tmp" "$k8s_dir/$b"
    done
  )
  "$k8s_dir/kube-apiserver" --version
}

build_etcd() {
  if [ -x "$k8s_dir/etcd" ]; then say "etcd $ETCD_VERSION: cached"; return; fi
  step="build etcd $ETCD_VERSION"
  say "$step"
  local dir="$cache/build/etcd"
  make_wrapper_module "$dir" go.etcd.io/etcd/server/v3 "v$ETCD_VERSION" "v$ETCD_VERSION"
  (
    cd "$dir"
    run_logged etcd-get go get "go.etcd.io/etcd/server/v3@v$ETCD_VERSION"
    CGO_ENABLED=0 run_logged etcd go build -trimpath -ldflags "-s -w" -o "$k8s_dir/etcd.tmp" go.etcd.io/etcd/server/v3
    mv "$k8s_dir/etcd.tmp" "$k8s_dir/etcd"
  )
  "$k8s_dir/etcd" --version | head -1
}

build_helm() {
  if [ -x "$cache/bin/helm" ]; then say "helm $HELM_VERSION: cached"; return; fi
  step="build helm $HELM_VERSION"
  say "$step"
  GOBIN="$cache/bin" CGO_ENABLED=0 run_logged helm go install -trimpath \
    -ldflags "-s -w -X helm.sh/helm/v3/internal/version.version=v$HELM_VERSION -X helm.sh/helm/v3/internal/version.gitTreeState=clean" \
    "helm.sh/helm/v3/cmd/helm@v$HELM_VERSION"
  "$cache/bin/helm" version --short
}

install_moto() {
  local venv="$cache/moto-$MOTO_VERSION"
  if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c 'import moto.server' 2>/dev/null; then
    say "moto $MOTO_VERSION: cached"; return
  fi
  step="install moto[server] $MOTO_VERSION"
  say "$step"
  rm -rf "$venv"
  python3 -m venv "$venv"
  run_logged moto "$venv/bin/pip" install --disable-pip-version-check -q "moto[server]==$MOTO_VERSION"
}

# Argo CD runs resource health checks in Lua; the chart's check is tested under Debian's interpreter.
install_lua() {
  if command -v lua5.4 >/dev/null; then say "lua5.4: installed"; return; fi
  step="install lua5.4"
  say "$step (Debian package)"
  run_logged apt-update apt-get update
  DEBIAN_FRONTEND=noninteractive run_logged lua apt-get install -y --no-install-recommends lua5.4
}

what=${1:-all}
case "$what" in
  all) install_moto; install_lua; build_helm; build_etcd; build_kubernetes ;;
  moto) install_moto ;;
  lua) install_lua ;;
  kubernetes) build_etcd; build_kubernetes ;;
  helm) build_helm ;;
  *) echo "usage: $0 [all|moto|lua|kubernetes|helm]" >&2; exit 2 ;;
esac
step=""
say "ready in $cache"
