#!/usr/bin/env bash
# Every test: type check, lint, formatting, unit and integration tests (storage
# tests on SQLite and a real PostgreSQL 15), and the browser end-to-end tests in
# Debian's Chromium. Called by `./gatehouse test` after the environment is set.
#   ./gatehouse test            everything
#   ./gatehouse test --no-e2e   skip the browser tests
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source scripts/lib/env.sh
source scripts/lib/postgres.sh
source scripts/lib/chromium.sh
source scripts/lib/iac-tools.sh
source scripts/lib/faketime.sh
source scripts/lib/git-server.sh

run_e2e=1
for arg in "$@"; do
  case "$arg" in
    --no-e2e) run_e2e=0 ;;
    *) echo "unknown option $arg" >&2; exit 2 ;;
  esac
done

export CI=true
REPORTS="$ROOT/.tools/reports"
rm -rf "$REPORTS" && mkdir -p "$REPORTS"
failed_steps=()

step() {
  local name="$1"; shift
  local started=$SECONDS
  log "── $name"
  if "$@"; then
    log "── $name: ok ($((SECONDS - started)) s)"
  else
    log "── $name: FAILED ($((SECONDS - started)) s)"
    failed_steps+=("$name")
  fi
}

trap stop_postgres EXIT
start_postgres || failed_steps+=("postgres")

step "terraform and kubectl" ensure_iac_tools
step "type check" yarn tsc
step "lint" yarn lint
step "formatting" yarn prettier --check .
step "git server tools" ensure_git_server_tools
step "unit and integration tests" \
  yarn test --json --outputFile="$REPORTS/jest.json"

if [ "$run_e2e" = 1 ]; then
  if ensure_chromium && ensure_faketime; then
    step "frontend build" yarn workspace @gatehouse/app build
    step "browser end-to-end tests" yarn playwright test
    # Three replicas on one PostgreSQL behind nginx (docs/production.md).
    step "multi-replica tests" scripts/multi-replica.sh
  else
    failed_steps+=("chromium or faketime")
  fi
fi

# Nothing is skipped or focused unless scripts/test-skips-allowed.yaml says why.
step "no unlisted skipped or focused tests" node scripts/lib/check-skips.mjs "$REPORTS"

node scripts/lib/summarize-tests.mjs "$REPORTS" || true
if [ ${#failed_steps[@]} -gt 0 ]; then
  log "failed: ${failed_steps[*]}"
  exit 1
fi
log "all steps passed"
