# Sourced by scripts/test.sh: the real `terraform` and `kubectl` that the
# generator's tests run on top of the library checks (HCL parser, hclwrite's
# formatter, the Kubernetes schemas), which need nothing installed.
#
# kubectl comes from Debian's kubernetes-client package when missing. Terraform
# is in no registry this machine reaches (HashiCorp publishes it on its own
# site), so a missing terraform fails the run with instructions instead of
# letting its tests pass without it.

ensure_iac_tools() {
  local missing=0
  if ! command -v kubectl >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ]; then
      log "installing kubectl from Debian's kubernetes-client package"
      apt-get update -qq >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq kubernetes-client >&2 || true
    fi
    if ! command -v kubectl >/dev/null 2>&1; then
      log "kubectl is missing: install it (Debian: apt-get install kubernetes-client) and run the tests again"
      missing=1
    fi
  fi
  if ! command -v terraform >/dev/null 2>&1; then
    log "terraform is missing: the generated Terraform is checked with the real 'terraform fmt' as well."
    log "Install Terraform (>= 1.5) from HashiCorp and put it on PATH, then run the tests again."
    missing=1
  fi
  [ "$missing" = 0 ] || return 1
  log "terraform $(terraform version -json 2>/dev/null | sed -n 's/.*"terraform_version": *"\([^"]*\)".*/\1/p'), $(kubectl version --client 2>/dev/null | head -n 1)"
}
