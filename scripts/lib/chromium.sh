# Sourced by scripts: Debian's Chromium for Playwright (its own browser download
# is unreachable on closed networks).
ensure_chromium() {
  export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
  [ -x "$CHROMIUM_PATH" ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    log "Chromium is missing: install Debian's chromium package or set CHROMIUM_PATH"
    return 1
  fi
  log "installing Chromium from Debian's packages"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
}
