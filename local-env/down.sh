#!/usr/bin/env bash
# Stops what local-env/up.sh started, newest first.
set -uo pipefail
cache="${PFS_CACHE_DIR:-$HOME/.cache/protected-file-store}"
run="${PFS_RUN_DIR:-$cache/run}"
[ -f "$run/pids" ] || { echo "nothing to stop (no $run/pids)"; exit 0; }
tac "$run/pids" | while read -r pid name; do
  if kill "$pid" 2>/dev/null; then
    for _ in $(seq 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null
    echo "stopped $name"
  fi
done
rm -f "$run/pids"
rm -rf "$run/etcd"
