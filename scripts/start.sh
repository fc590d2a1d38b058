#!/usr/bin/env bash
# Starts the portal on the embedded defaults: the frontend dev server on
# http://localhost:3000 and the backend on http://localhost:7007, with SQLite
# files under data/ and the example organisation and services.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source scripts/lib/env.sh
mkdir -p data/sqlite
# Synthetic billing exports for the example services (only when data/billing is empty).
node --require @backstage/cli/config/nodeTransform.cjs \
  plugins/cost-backend/scripts/generate-example-billing.ts data/billing

# The Kubernetes tab and the SRE dashboard read three simulated clusters on
# 127.0.0.1:6443-6445 (a simulator, not Kubernetes: packages/cluster-simulator);
# app-config.yaml points at them. It stops when the portal stops.
node --require @backstage/cli/config/nodeTransform.cjs \
  packages/cluster-simulator/src/main.ts --port-base 6443 \
  >data/cluster-simulator.log 2>&1 &
simulator=$!
trap 'kill "$simulator" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
  if (exec 3<>/dev/tcp/127.0.0.1/6443) 2>/dev/null; then break; fi
  if ! kill -0 "$simulator" 2>/dev/null; then
    log "the cluster simulator did not start (see data/cluster-simulator.log); clusters will show as unreachable"
    break
  fi
  sleep 0.2
done
log "simulated clusters on http://127.0.0.1:6443-6445 (log: data/cluster-simulator.log)"

log "starting Gatehouse: open http://localhost:3000 (backend on http://localhost:7007)"
yarn start "$@"
