# nginx from Debian's packages, the load balancer of the multi-replica tests
# and the replicas benchmark. Installs it when missing (as root); the
# package's own service is never started: callers run their own nginx.
ensure_nginx() {
  command -v nginx >/dev/null && return 0
  [ -x /usr/sbin/nginx ] && { export PATH="/usr/sbin:$PATH"; return 0; }
  if [ "$(id -u)" -ne 0 ]; then
    log "nginx is missing: install Debian's nginx package"
    return 1
  fi
  log "installing nginx from Debian's packages"
  apt-get update -qq >&2
  # RUNLEVEL=1: the package's service is not started; the tests run their own.
  DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 apt-get install -y -qq --no-install-recommends nginx >&2
  export PATH="/usr/sbin:$PATH"
}
