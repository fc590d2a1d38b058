# Sourced by scripts: the real git server the tests push to and merge on
# (@gatehouse/test-utils/gitServer): `git http-backend` behind nginx through
# fcgiwrap, all from Debian's packages. Installs what is missing (as root);
# the packages' own services are never started: the tests run their own.
ensure_git_server_tools() {
  # nginx and fcgiwrap live in /usr/sbin, which a non-root PATH may lack.
  case ":$PATH:" in *:/usr/sbin:*) ;; *) export PATH="$PATH:/usr/sbin" ;; esac
  local missing=() tool
  for tool in nginx fcgiwrap git; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    log "missing ${missing[*]}: install Debian's ${missing[*]} package(s)"
    return 1
  fi
  log "installing ${missing[*]} from Debian's packages"
  apt-get update -qq >&2
  # RUNLEVEL=1: no package service (nginx, fcgiwrap's socket) is started.
  DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 \
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}
