#!/usr/bin/env bash
# Builds the onedir bundle: dist/desktop-app/ (Linux, macOS: also "dist/Desktop App.app").
# Usage: packaging/build.sh [DISTDIR]   (default: dist/). Prints the bundle's size.
set -euo pipefail
cd "$(dirname "$0")/.."
dist=${1:-dist}
# The Python whose packages are frozen: the project's .venv unless the caller names one.
py=${DESKTOP_APP_BUILD_PYTHON:-}
if [ -z "$py" ]; then
  scripts/ensure-venv.sh
  py=.venv/bin/python
fi
scripts/translations.sh  # the .qm catalogues the bundle carries
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$py" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$dist" --workpath "$work" packaging/desktop-app.spec
du -sh "$dist/desktop-app"
