# Sourced by the real-program checks (test/editors/run.sh, test/export/run.sh): installs the Debian
# packages given that are not installed yet, with sudo when not root, each apt step bounded in time.
#   ensure_debian_packages <install timeout in s> <package>...
ensure_debian_packages() {
  local limit=$1
  shift
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    echo "all present"
    return 0
  fi
  local sudo=
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  echo "installing: ${missing[*]}"
  timeout 600 $sudo apt-get update
  timeout "$limit" $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
}
