#!/usr/bin/env bash
# Rehearses deploy/Dockerfile on this machine, which has no container engine
# and no registry for base images: the same commands, stage by stage, in
# scratch folders, from the committed tree (what a clean build context holds),
# then starts the runtime stage's tree as the image would run it, with the
# production configuration against a throw-away PostgreSQL, and checks that it
# serves its health endpoints, the frontend and an authenticated API refusal.
#
#   scripts/rehearse-image.sh          (keeps nothing; ~10 minutes on 2 cores)
#
# Keep the commands in step with deploy/Dockerfile: each block names its stage.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source scripts/lib/env.sh
source scripts/lib/postgres.sh
gatehouse_env

WORK="$(mktemp -d /tmp/gatehouse-image-XXXXXX)"
BACKEND_PID=""
cleanup() {
  [ -n "$BACKEND_PID" ] && kill "$BACKEND_PID" 2>/dev/null || true
  stop_postgres || true
  rm -rf "$WORK"
}
trap cleanup EXIT
YARN="node .yarn/releases/yarn-4.13.0.cjs"
step() { log "image rehearsal: $*"; }

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
du -sh "$WORK/app" | awk '{print "image-rehearsal: /app is " $1}' >&2
# What the runtime stage must not carry: the toolchain's leftovers and sources.
if [ -d "$WORK/app/packages/backend/src" ]; then
  log "the runtime tree holds backend sources: the bundle is wrong"
  exit 1
fi

# ------------------------------------------------------------------- run --
GATEHOUSE_PG_PORT="${GATEHOUSE_PG_PORT:-55470}" start_postgres
PG_URL="$BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING"
PORT=7007
BASE="http://127.0.0.1:$PORT"
step "runtime: node packages/backend with app-config.production.yaml on PostgreSQL"
mkdir -p "$WORK/repositories"
(
  cd "$WORK/app"
  export NODE_ENV=production NODE_OPTIONS=--no-node-snapshot
  export GATEHOUSE_BASE_URL="$BASE" BACKEND_SECRET="$(openssl rand -hex 24)"
  export AUTH_SESSION_SECRET="$(openssl rand -hex 24)"
  export POSTGRES_HOST="$(node -e "console.log(new URL(process.argv[1]).hostname)" "$PG_URL")"
  export POSTGRES_PORT="$(node -e "console.log(new URL(process.argv[1]).port)" "$PG_URL")"
  export POSTGRES_USER=postgres POSTGRES_PASSWORD=postgres
  # Sign-in and clusters point nowhere: the rehearsal checks start-up and serving.
  export AUTH_OIDC_METADATA_URL="http://127.0.0.1:9/.well-known/openid-configuration"
  export AUTH_OIDC_CLIENT_ID=gatehouse AUTH_OIDC_CLIENT_SECRET=unused
  export GATEHOUSE_REPOSITORIES_DIR="$WORK/repositories"
  for cluster in PRODUCTION STAGING DEVELOPMENT; do
    export "K8S_${cluster}_URL=https://127.0.0.1:9" "K8S_${cluster}_CA_DATA="
  done
  export GITHUB_TOKEN=unused GITLAB_HOST=gitlab.invalid GITLAB_TOKEN=unused
  export GITEA_HOST=gitea.invalid GITEA_USERNAME=unused GITEA_TOKEN=unused
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
[ -n "$ready" ] || { tail -40 "$WORK/backend.log"; log "not ready in 180 s"; exit 1; }

fail() { tail -40 "$WORK/backend.log"; log "$*"; exit 1; }
curl -fsS "$BASE/.backstage/health/v1/liveness" | grep -q '"ok"' || fail "liveness did not answer ok"
curl -fsS "$BASE/" | grep -q '<div id="root">' || fail "the frontend is not served at /"
status=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/approvals/requests")
[ "$status" = 401 ] || fail "GET /api/approvals/requests without a token answered $status, not 401"
log "image rehearsal: the runtime tree started on PostgreSQL in production mode, answered readiness and liveness, served the frontend, and refused an unauthenticated API call with 401"
