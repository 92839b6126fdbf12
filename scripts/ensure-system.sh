#!/usr/bin/env bash
# Installs the Debian packages the app and its tests need (root on Debian), or names them.
set -euo pipefail

PACKAGES=(
  python3-venv
  # Qt's xcb platform plugin under Xvfb
  xvfb xauth libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0 libxcb-render-util0
  libxcb-xkb1 libxkbcommon-x11-0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libegl1 libgl1
  libfontconfig1 libdbus-1-3 fonts-dejavu-core
  # Japanese text (the ja_JP interface and posts in Japanese)
  fonts-ipafont-gothic
  # keychain (Secret Service) on a private D-Bus session, and the OS URL handler
  dbus dbus-x11 gnome-keyring xdg-utils desktop-file-utils xdotool
  # screen readers' view of the window: the AT-SPI bus and registry, and pyatspi (system Python)
  at-spi2-core python3-pyatspi
  # real-browser test, and the full network (AppView) harness
  chromium postgresql redis-server
  # PyInstaller bundle build (strip, objdump) for the packaging tests
  binutils
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "==> installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "Missing system packages (install them with your package manager):" >&2
  echo "  ${missing[*]}" >&2
  exit 1
fi
