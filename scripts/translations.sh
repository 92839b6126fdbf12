#!/usr/bin/env bash
# The window's catalogues: `update` re-extracts every tr("…") of desktop_app/ui and every
# QT_TR_NOOP("…") template of the Qt-free layers (see desktop_app/sentences.py) into the .ts
# sources (translators then fill them in); with no argument, builds the .qm files the app loads
# from the .ts sources (run by ensure-venv.sh and the packaging build; the .qm are not committed).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=desktop_app/ui/lang/translations
langs=(ja pt_BR)
if [ "${1:-}" = "update" ]; then
  mapfile -t sources < <(find desktop_app -name '*.py' | sort)
  for lang in "${langs[@]}"; do
    .venv/bin/pyside6-lupdate -locations none -no-obsolete "${sources[@]}" -ts "$dir/app_$lang.ts"
  done
  exit 0
fi
for lang in "${langs[@]}"; do
  .venv/bin/pyside6-lrelease -silent "$dir/app_$lang.ts" -qm "$dir/app_$lang.qm"
done
