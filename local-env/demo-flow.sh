#!/usr/bin/env bash
# Shows a Ready store's whole flow on this machine, at the end of local-env/up.sh:
#   a file uploaded with a presigned PUT (the operator jar's upload-url command),
#   the local edge (local-env/edge: a development tool standing in for CloudFront) running the
#   authorizer version the operator published, refusing a request without a token (401) and
#   serving it with one from the jar's token command (200),
#   and the demo page whose <img> tags work through the service worker (browser/).
# The local edge and the demo page keep running; local-env/down.sh stops them with the rest.
#
# usage: local-env/demo-flow.sh RUN_DIR NAMESPACE STORE
#   RUN_DIR holds up.sh's env file (kubeconfig, AWS endpoint and credentials) and its pids file.
#   PFS_EDGE_PORT (8787) and PFS_DEMO_PORT (8788) choose the two local ports.
set -Eeuo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
[ $# -eq 3 ] || { echo "usage: $0 RUN_DIR NAMESPACE STORE" >&2; exit 2; }
run=$1 namespace=$2 store=$3
edge_port=${PFS_EDGE_PORT:-8787}
demo_port=${PFS_DEMO_PORT:-8788}
jar="$root/operator/target/protected-file-store-operator-all.jar"

say() { printf '[demo %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
fail() { echo "demo-flow: $*" >&2; echo "The commands' messages are in $run/demo-flow.log." >&2; exit 1; }
trap 'fail "the step before this message failed (line $LINENO)"' ERR

# shellcheck source=/dev/null
source "$run/env"
[ -f "$jar" ] || fail "$jar is missing: build it with mvn -pl operator -am package -DskipTests"
status() { kubectl -n "$namespace" get "pfs/$store" -o jsonpath="{.status.$1}"; }
bucket=$(status bucket.name)
region=$(status bucket.region)
function_version=$(status authorizer.qualifiedArn)
[ -n "$bucket" ] && [ -n "$function_version" ] || fail "store $namespace/$store has no bucket or published authorizer yet"

background() { # background NAME READY_PATTERN COMMAND... : runs it, logs to $run/NAME.log, waits for READY_PATTERN
  local name=$1 ready=$2; shift 2
  "$@" >"$run/$name.log" 2>&1 &
  local pid=$!
  echo "$pid $name" >>"$run/pids"
  for _ in $(seq 30); do
    grep -q "$ready" "$run/$name.log" && return 0
    kill -0 "$pid" 2>/dev/null || { cat "$run/$name.log" >&2; fail "$name exited (log: $run/$name.log)"; }
    sleep 1
  done
  fail "$name did not start within 30 s (log: $run/$name.log)"
}

# A file under a path prefix of its own, as an application would lay them out (one prefix per
# document, user or team); the token grants that prefix.
prefix=$(python3 -c 'import secrets; print(secrets.token_hex(3))')
key="$prefix/welcome.png"
image="$run/welcome.png"
python3 - "$image" <<'PNG'
import struct, sys, zlib
width, height = 48, 32
rows = b"".join(b"\x00" + b"".join(bytes((40 + 4 * x, 90 + 4 * y, 200)) for x in range(width)) for y in range(height))
chunk = lambda kind, data: struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) \
    + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
PNG

say "uploading $key into bucket $bucket with a presigned PUT (upload-url)"
upload_url=$(PFS_S3_PATH_STYLE=true java -jar "$jar" upload-url --namespace "$namespace" --store "$store" \
  --key "$key" --content-type image/png --ttl 5m 2>>"$run/demo-flow.log")
curl -sf -X PUT -H 'Content-Type: image/png' --data-binary "@$image" "$upload_url" >/dev/null

say "starting the local edge (a development tool, not CloudFront) with $function_version"
background local-edge "local-edge listening on" node "$root/local-env/edge/server.js" --aws "$AWS_ENDPOINT_URL" \
  --function "$function_version" --bucket "$bucket" --bucket-region "$region" --port "$edge_port"
files="http://127.0.0.1:$edge_port"

token=$(java -jar "$jar" token --namespace "$namespace" --store "$store" --path "/$prefix/" --ttl 1h 2>>"$run/demo-flow.log")
status_of() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
without=$(status_of "$files/$key")
with=$(status_of "$files/$key?authorization=$token")
[ "$without" = 401 ] || fail "without a token the edge answered $without, not 401 (log: $run/local-edge.log)"
[ "$with" = 200 ] || fail "with a token the edge answered $with, not 200 (log: $run/local-edge.log)"

background demo-page "demo page on" node "$root/browser/demo-server.js" --port "$demo_port" \
  --files "$files/" --prefix "/$prefix/" --key "$key"
demo_url=$(grep -o 'http://[^ ]*' "$run/demo-page.log" | head -n 1)

# For the browser test (cd browser && npm test) against this store; it holds a token, so only the
# owner reads it, like the kubeconfig beside it.
(umask 077 && cat >"$run/demo.env" <<ENV
export PFS_AWS_ENDPOINT="$AWS_ENDPOINT_URL" PFS_EDGE_FUNCTION="$function_version"
export PFS_BUCKET="$bucket" PFS_BUCKET_REGION="$region" PFS_FILE_KEY="$key"
export PFS_TOKEN="$token"
ENV
)

cat <<DONE

The flow, through the local edge at $files:
  uploaded          $key (presigned PUT from: java -jar $jar upload-url ...)
  GET /$key without a token               -> $without
  GET /$key?authorization=<token for /$prefix/> -> $with
  Get a token:      java -jar $jar token --namespace $namespace --store $store --path /$prefix/ --ttl 1h
  Demo page:        $demo_url
                    (paste that token, "Keep token for the prefix", then "Show": the <img> loads through the
                    service worker; "Forget" it and "Show" again: refused)
  Browser test:     source $run/demo.env && (cd browser && npm test)
DONE
