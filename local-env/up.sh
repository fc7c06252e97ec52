#!/usr/bin/env bash
# Runs the operator end to end on this machine: a real kube-apiserver with etcd, the AWS emulator,
# the CRD, the operator itself, and the example store from examples/, then prints the store's status.
# Everything it starts keeps running; local-env/down.sh stops it all.
set -Eeuo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
source "$here/versions.env"
cache="${PFS_CACHE_DIR:-$HOME/.cache/protected-file-store}"
run="${PFS_RUN_DIR:-$cache/run}"
bin="$cache/k8s/${KUBERNETES_VERSION}-linux-amd64"
example="${1:-$root/examples/team-assets.yaml}"

say() { printf '[up %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
fail() { echo "up: $*" >&2; echo "Logs are in $run; local-env/down.sh stops what was started." >&2; exit 1; }
trap 'fail "the step before this message failed (line $LINENO)"' ERR

if [ -f "$run/pids" ]; then
  say "stopping the previous local run first"
  "$here/down.sh"
fi

"$here/setup.sh"
mkdir -p "$run"
: >"$run/pids"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

wait_for() { # wait_for WHAT SECONDS COMMAND...
  local what=$1 seconds=$2; shift 2
  for _ in $(seq "$seconds"); do "$@" >/dev/null 2>&1 && return 0; sleep 1; done
  fail "$what did not come up within $seconds s"
}

start() { # start NAME COMMAND... : runs in the background, logs to $run/NAME.log
  local name=$1; shift
  "$@" >"$run/$name.log" 2>&1 &
  echo "$! $name" >>"$run/pids"
}

etcd_port=$(free_port); api_port=$(free_port); aws_port=$(free_port)

say "starting etcd"
start etcd "$bin/etcd" --data-dir "$run/etcd" --listen-client-urls "http://127.0.0.1:$etcd_port" \
  --advertise-client-urls "http://127.0.0.1:$etcd_port" --listen-peer-urls "http://127.0.0.1:$(free_port)"
wait_for etcd 30 curl -sf "http://127.0.0.1:$etcd_port/health"

say "starting kube-apiserver $KUBERNETES_VERSION"
mkdir -p "$run/pki"
[ -f "$run/pki/sa.key" ] || openssl genrsa -out "$run/pki/sa.key" 2048 2>/dev/null
openssl rsa -in "$run/pki/sa.key" -pubout -out "$run/pki/sa.pub" 2>/dev/null
token=$(python3 -c 'import secrets; print(secrets.token_hex(24))')
echo "$token,local-admin,local-admin,system:masters" >"$run/pki/tokens.csv"
chmod 600 "$run/pki/tokens.csv" "$run/pki/sa.key"
start kube-apiserver "$bin/kube-apiserver" --etcd-servers "http://127.0.0.1:$etcd_port" \
  --bind-address 127.0.0.1 --secure-port "$api_port" --cert-dir "$run/pki" \
  --token-auth-file "$run/pki/tokens.csv" --authorization-mode RBAC \
  --service-account-issuer https://kubernetes.default.svc --service-account-key-file "$run/pki/sa.pub" \
  --service-account-signing-key-file "$run/pki/sa.key" --service-cluster-ip-range 10.0.0.0/24 \
  --disable-admission-plugins ServiceAccount --allow-privileged
cat >"$run/kubeconfig" <<KUBECONFIG
apiVersion: v1
kind: Config
clusters:
- name: local
  cluster: {server: "https://127.0.0.1:$api_port", insecure-skip-tls-verify: true}
users:
- name: local-admin
  user: {token: "$token"}
contexts:
- name: local
  context: {cluster: local, user: local-admin, namespace: default}
current-context: local
KUBECONFIG
chmod 600 "$run/kubeconfig"
export KUBECONFIG="$run/kubeconfig"
kubectl() { "$bin/kubectl" "$@"; }
wait_for kube-apiserver 120 kubectl get --raw /readyz

say "starting the AWS emulator (moto $MOTO_VERSION with the fidelity extension)"
PYTHONPATH="$here/emulator" start aws-emulator "$cache/moto-$MOTO_VERSION/bin/python" -m pfs_emulator \
  --host 127.0.0.1 --port "$aws_port"
wait_for aws-emulator 60 grep -q "pfs-emulator listening" "$run/aws-emulator.log"

say "installing the CRD"
kubectl apply --server-side -f "$root/crds/" >/dev/null
kubectl wait --for condition=Established crd/protectedfilestores.protectedfiles.io --timeout 60s >/dev/null

jar="$root/operator/target/protected-file-store-operator-all.jar"
say "building the operator"
(cd "$root" && mvn -q -B -DskipTests -pl operator -am package) >"$run/build.log" 2>&1 \
  || fail "the operator's build failed; see $run/build.log"

say "starting the operator"
AWS_ENDPOINT_URL="http://127.0.0.1:$aws_port" AWS_REGION=us-east-1 \
  AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local PFS_S3_PATH_STYLE=true PFS_RESYNC_PERIOD=PT30S \
  start operator java -jar "$jar"
cat >"$run/env" <<ENV
export KUBECONFIG="$run/kubeconfig"
export AWS_ENDPOINT_URL="http://127.0.0.1:$aws_port" AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local
export PATH="$bin:$cache/bin:\$PATH"
ENV

namespace=$(python3 -c 'import sys,re; t=open(sys.argv[1]).read(); m=re.search(r"^\s+namespace:\s*(\S+)", t, re.M); print(m.group(1) if m else "default")' "$example")
kubectl create namespace "$namespace" --dry-run=client -o yaml | kubectl apply -f - >/dev/null
say "applying $example"
kubectl apply -f "$example"
name=$(kubectl get -f "$example" -o jsonpath='{.metadata.name}')
say "waiting for $namespace/$name to become Ready"
operator_pid=$(awk '$2 == "operator" {print $1}' "$run/pids")
for _ in $(seq 90); do
  kill -0 "$operator_pid" 2>/dev/null || { tail -n 20 "$run/operator.log" >&2; fail "the operator exited (log: $run/operator.log)"; }
  [ "$(kubectl -n "$namespace" get "pfs/$name" -o jsonpath='{.status.conditions[?(@.type=="Ready")].status}')" = True ] && break
  sleep 2
done
[ "$(kubectl -n "$namespace" get "pfs/$name" -o jsonpath='{.status.conditions[?(@.type=="Ready")].status}')" = True ] \
  || { kubectl -n "$namespace" get "pfs/$name" -o yaml; fail "the store did not become Ready in 180 s (operator log: $run/operator.log)"; }

echo
kubectl -n "$namespace" get pfs
echo
kubectl -n "$namespace" get "pfs/$name" -o jsonpath='{.status}' | python3 -m json.tool
echo
"$here/demo-flow.sh" "$run" "$namespace" "$name"
cat <<DONE

The operator is running against a local kube-apiserver and the AWS emulator.
  Use them:  source $run/env    (then kubectl, and the AWS CLI if you have one, reach them)
  Logs:      $run/*.log
  Stop all:  local-env/down.sh
DONE
