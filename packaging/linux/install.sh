#!/usr/bin/env bash
# Installs a built bundle for the current user (no root): the bundle, a `desktop-app` command,
# the icon, and the desktop entry that registers the sign-in URI scheme.
# Usage: packaging/linux/install.sh [BUNDLE_DIR]   (default: dist/desktop-app)
set -euo pipefail
src=$(cd "${1:-$(dirname "$0")/../../dist/desktop-app}" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
prefix=$data/desktop-app/bundle
bin=${XDG_BIN_HOME:-$HOME/.local/bin}
[ -x "$src/desktop-app" ] || { echo "no bundle at $src (run packaging/build.sh)" >&2; exit 1; }
mkdir -p "$data/desktop-app" "$bin" "$data/icons/hicolor/scalable/apps"
rm -rf "$prefix.new"
cp -a "$src" "$prefix.new"
rm -rf "$prefix"
mv "$prefix.new" "$prefix"
ln -sfn "$prefix/desktop-app" "$bin/desktop-app"
icon=$(dirname "$0")/../../resources/desktop-app.svg
[ -f "$icon" ] && cp "$icon" "$data/icons/hicolor/scalable/apps/desktop-app.svg"
# The app writes and validates the desktop entry itself (Exec = this bundle, MimeType =
# x-scheme-handler/<scheme>) and makes it the scheme's default handler.
"$prefix/desktop-app" register-scheme
echo "installed: $prefix (command: $bin/desktop-app)"
