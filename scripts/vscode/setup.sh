#!/usr/bin/env bash
# Installs what Termlint's browser and editor tests (npm run test:report, test:vscode, test:ui) need, offline:
#   - Debian packages: chromium and fonts (Latin, and CJK so that Chinese terms show in hover cards, the term
#     report and screenshots) for the workbench and the report page, ripgrep, and the toolchain that
#     code-server's native modules build with;
#   - code-server (VS Code's server, web workbench and Node extension host), pinned by
#     scripts/vscode/code-server/package-lock.json, into a cache outside the work tree.
# Idempotent: a second run only checks and prints the versions. Needs Node 20 (code-server
# 4.100.3 refuses other majors) and root, or sudo, for apt-get.
#
# Env: TERMLINT_VSCODE_CACHE  cache folder (default ~/.cache/termlint-vscode)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
cache="${TERMLINT_VSCODE_CACHE:-$HOME/.cache/termlint-vscode}"
cs_dir="$cache/code-server"
vscode_modules="$cs_dir/node_modules/code-server/lib/vscode/node_modules"

log() { echo "[vscode-setup] $*"; }

node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" != 20 ]; then
  echo "[vscode-setup] code-server 4.100.3 needs Node 20, this is $(node -v)" >&2
  exit 1
fi

install_apt_packages() {
  local missing=() p
  for p in chromium fonts-liberation fonts-noto-cjk ripgrep libkrb5-dev build-essential python3; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    log "apt packages present"
    return
  fi
  local sudo=()
  [ "$(id -u)" = 0 ] || sudo=(sudo)
  log "apt-get install ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

code_server_installed() {
  [ -x "$cs_dir/node_modules/.bin/code-server" ] \
    && [ -x "$vscode_modules/@vscode/ripgrep/bin/rg" ] \
    && [ -e "$vscode_modules/node-pty/build/Release/pty.node" ] \
    && cmp -s "$here/code-server/package-lock.json" "$cs_dir/package-lock.json"
}

# code-server's postinstall runs `npm install` in lib/vscode (locked by its npm-shrinkwrap.json),
# which would download things this machine cannot reach. Each setting below replaces one download:
#   ripgrep cache       @vscode/ripgrep fetches rg from GitHub unless its cache has the tarball;
#                       Debian's rg stands in for it
#   npm_config_nodedir  node-gyp takes Node's headers from /usr/include/node
#   npm_config_yes      node-pty's build runs `npx node-gyp`, which comes from the npm registry
#   npm_config_unsafe_perm  code-server's postinstall insists on it when run as root
# argon2 and kerberos try prebuilt downloads first, fail, and build from source.
install_code_server() {
  log "installing code-server into $cs_dir (takes a few minutes)"
  rm -rf "$cs_dir"
  mkdir -p "$cs_dir"
  cp "$here/code-server/package.json" "$here/code-server/package-lock.json" "$cs_dir/"

  local tmp rg_cache stage
  tmp="$cache/tmp"
  mkdir -p "$tmp"
  # 1.15.11 is the @vscode/ripgrep in code-server 4.100.3's lib/vscode/npm-shrinkwrap.json
  rg_cache="$tmp/vscode-ripgrep-cache-1.15.11"
  mkdir -p "$rg_cache"
  stage="$(mktemp -d)"
  cp "$(command -v rg)" "$stage/rg"
  tar czf "$rg_cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$stage" rg
  rm -rf "$stage"

  (
    cd "$cs_dir"
    export TMPDIR="$tmp" npm_config_nodedir=/usr npm_config_yes=true npm_config_unsafe_perm=true
    npm ci --no-audit --no-fund --foreground-scripts --loglevel=error
  )
  rm -rf "$tmp"
}

install_apt_packages
if code_server_installed; then
  log "code-server present in $cs_dir"
else
  install_code_server
  code_server_installed || { echo "[vscode-setup] code-server install is incomplete" >&2; exit 1; }
fi
log "ready: code-server $(node -p "require('$cs_dir/node_modules/code-server/package.json').version")" \
  "(VS Code $(node -p "require('$cs_dir/node_modules/code-server/lib/vscode/package.json').version")," \
  "$(/usr/bin/chromium --version 2>/dev/null || echo 'chromium ?'))"
