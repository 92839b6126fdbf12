#!/usr/bin/env bash
# Reverses install.sh: unregisters the scheme, removes the bundle, command and icon.
# Signed-in sessions stay in the keychain: sign out in the app first to remove them.
set -euo pipefail
data=${XDG_DATA_HOME:-$HOME/.local/share}
prefix=$data/desktop-app/bundle
bin=${XDG_BIN_HOME:-$HOME/.local/bin}
if [ -x "$prefix/desktop-app" ]; then
  "$prefix/desktop-app" unregister-scheme || true
fi
rm -rf "$prefix"
[ -L "$bin/desktop-app" ] && rm -f "$bin/desktop-app"
rm -f "$data/icons/hicolor/scalable/apps/desktop-app.svg"
echo "uninstalled"
