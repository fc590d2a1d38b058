#!/usr/bin/env bash
# Rehearses deploy/Dockerfile on this machine, which has no container engine
# and no registry for base images: the same commands, stage by stage, in
# scratch folders, from the committed tree (what a clean build context holds),
# then starts the runtime stage's tree as the image would run it, with the
# production configuration against a throw-away PostgreSQL, and checks that it
# serves its health endpoints, the frontend and an authenticated API refusal.
#
#   scripts/rehearse-image.sh          (keeps nothing; ~10 minutes on 2 cores)
#   GATEHOUSE_IMAGE_WORK=/tmp/x scripts/rehearse-image.sh
#                                      (keeps /tmp/x; a second run with the same
#                                       folder only starts the runtime tree again)
#
# Keep the commands in step with deploy/Dockerfile: each block names its stage.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source scripts/lib/env.sh
source scripts/lib/postgres.sh
gatehouse_env

KEEP="${GATEHOUSE_IMAGE_WORK:-}"
WORK="${KEEP:-$(mktemp -d /tmp/gatehouse-image-XXXXXX)}"
mkdir -p "$WORK"
BACKEND_PID=""
cleanup() {
  # The backend first, so it does not outlive its database.
  if [ -n "$BACKEND_PID" ]; then
    kill "$BACKEND_PID" 2>/dev/null || true
    wait "$BACKEND_PID" 2>/dev/null || true
  fi
  stop_postgres || true
  [ -n "$KEEP" ] || rm -rf "$WORK"
}
trap cleanup EXIT
YARN="node .yarn/releases/yarn-4.13.0.cjs"
step() { log "image rehearsal: $*"; }

if [ -d "$WORK/app" ]; then
  step "reusing the stages in $WORK"
else
# The build context: the committed tree (deploy/Dockerfile.dockerignore keeps
# out exactly what git does not hold: node_modules, dist, data, caches).
step "context from $(git rev-parse --short HEAD)"
mkdir -p "$WORK/build"
git archive HEAD | tar -x -C "$WORK/build"

# ------------------------------------------------------------- build stage --
step "build: yarn install --immutable"
(cd "$WORK/build" && $YARN install --immutable >"$WORK/install.log" 2>&1) ||
  { tail -30 "$WORK/install.log"; exit 1; }
step "build: yarn tsc"
(cd "$WORK/build" && $YARN tsc)
step "build: yarn workspace @gatehouse/backend build (with the frontend)"
(cd "$WORK/build" && $YARN workspace @gatehouse/backend build >"$WORK/build.log" 2>&1) ||
  { tail -30 "$WORK/build.log"; exit 1; }

# -------------------------------------------------------------- deps stage --
step "deps: production dependencies of the skeleton"
mkdir -p "$WORK/deps"
(cd "$WORK/build" && cp -r .yarn .yarnrc.yml backstage.json yarn.lock package.json "$WORK/deps/")
rm -rf "$WORK/deps/.yarn/cache" "$WORK/deps/.yarn/install-state.gz"
tar xzf "$WORK/build/packages/backend/dist/skeleton.tar.gz" -C "$WORK/deps"
(cd "$WORK/deps" && $YARN workspaces focus --all --production >"$WORK/focus.log" 2>&1) ||
  { tail -30 "$WORK/focus.log"; exit 1; }

# ----------------------------------------------------------- runtime stage --
step "runtime: the image's /app"
mkdir -p "$WORK/app"
cp -r "$WORK/deps/." "$WORK/app/"
tar xzf "$WORK/build/packages/backend/dist/bundle.tar.gz" -C "$WORK/app"
cp "$WORK/build/app-config.yaml" "$WORK/build/app-config.production.yaml" "$WORK/app/"
cp -r "$WORK/build/templates" "$WORK/app/templates"
du -sh "$WORK/app" | awk '{print "image-rehearsal: /app is " $1}' >&2
# What the runtime stage must not carry: the toolchain's leftovers and sources.
if [ -d "$WORK/app/packages/backend/src" ]; then
  log "the runtime tree holds backend sources: the bundle is wrong"
  exit 1
fi
fi

# ------------------------------------------------------------------- run --
start_postgres
PG_URL="$BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING"
PORT=7007
BASE="http://127.0.0.1:$PORT"
step "runtime: node packages/backend with app-config.production.yaml on PostgreSQL"
# The pipelines' token of app-config.production.yaml: the checks below call
# the API as a CI pipeline would.
CI_TOKEN="$(openssl rand -hex 24)"
(
  cd "$WORK/app"
  export NODE_ENV=production NODE_OPTIONS=--no-node-snapshot
  export GATEHOUSE_BASE_URL="$BASE" GATEHOUSE_CI_TOKEN="$CI_TOKEN"
  export GATEHOUSE_AGENT_TOKEN="$(openssl rand -hex 24)"
  export AUTH_SESSION_SECRET="$(openssl rand -hex 24)"
  export POSTGRES_HOST="$(node -e "console.log(new URL(process.argv[1]).hostname)" "$PG_URL")"
  export POSTGRES_PORT="$(node -e "console.log(new URL(process.argv[1]).port)" "$PG_URL")"
  export POSTGRES_USER=postgres POSTGRES_PASSWORD=postgres
  # Sign-in and clusters point nowhere: the rehearsal checks start-up and serving.
  export AUTH_OIDC_METADATA_URL="http://127.0.0.1:9/.well-known/openid-configuration"
  export AUTH_OIDC_CLIENT_ID=gatehouse AUTH_OIDC_CLIENT_SECRET=unused
  # As deploy/kubernetes provides them: cluster URLs, no CA data (optional),
  # no GITHUB_TOKEN (an optional Secret key), no repositories folder.
  for cluster in PRODUCTION STAGING DEVELOPMENT; do
    export "K8S_${cluster}_URL=https://127.0.0.1:9"
  done
  exec node packages/backend --config app-config.yaml --config app-config.production.yaml
) >"$WORK/backend.log" 2>&1 &
BACKEND_PID=$!

ready=""
for _ in $(seq 1 180); do
  if ! kill -0 "$BACKEND_PID" 2>/dev/null; then
    tail -40 "$WORK/backend.log"
    log "the backend exited during start-up"
    exit 1
  fi
  if curl -fsS "$BASE/.backstage/health/v1/readiness" >/dev/null 2>&1; then
    ready=1
    break
  fi
  sleep 1
done
[ -n "$ready" ] || { grep -v readiness "$WORK/backend.log" | tail -60; log "not ready in 180 s"; exit 1; }

fail() { tail -40 "$WORK/backend.log"; log "$*"; exit 1; }
curl -fsS "$BASE/.backstage/health/v1/liveness" | grep -q '"ok"' || fail "liveness did not answer ok"
curl -fsS "$BASE/" | grep -q '<div id="root">' || fail "the frontend is not served at /"
status=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/approvals/requests")
[ "$status" = 401 ] || fail "GET /api/approvals/requests without a token answered $status, not 401"
# The templates the approvals backend starts as follow-ups are in the catalog.
templates=""
for _ in $(seq 1 60); do
  templates=$(curl -fsS -H "authorization: Bearer $CI_TOKEN" \
    "$BASE/api/catalog/entities/by-query?filter=kind=template&fields=metadata.name" |
    node -e 'let t="";process.stdin.on("data",c=>t+=c).on("end",()=>console.log(JSON.parse(t).items.map(e=>e.metadata.name).sort().join(" ")))') || true
  [ "$(wc -w <<<"$templates")" -ge 5 ] && break
  sleep 2
done
[ "$(wc -w <<<"$templates")" -ge 5 ] || fail "the catalog holds templates [$templates], not Gatehouse's five"
log "image rehearsal: templates in the catalog: $templates"
# A pipeline reads change requests with its token (and may not decide).
status=$(curl -s -o /dev/null -w '%{http_code}' -H "authorization: Bearer $CI_TOKEN" \
  "$BASE/api/approvals/requests?view=all")
[ "$status" = 200 ] || fail "the CI token's GET /api/approvals/requests answered $status, not 200"
log "image rehearsal: the runtime tree started on PostgreSQL in production mode, answered readiness and liveness, served the frontend, refused an unauthenticated API call with 401, let the CI token read change requests, and registered the templates"
