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
log "starting Gatehouse: open http://localhost:3000 (backend on http://localhost:7007)"
exec yarn start "$@"
