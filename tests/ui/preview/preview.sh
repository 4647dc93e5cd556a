#!/usr/bin/env bash
# Runs preview.scn against `zjmap-kiosk --preview` on a copy of the demo content (the scenario
# edits the copy's files; the real inotify path sees the saves).
# usage: preview.sh ZJMAP_KIOSK CONTENT_DIR SHOTS_DIR
set -euo pipefail
kiosk=$1 content=$2 shots=$3
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$content" "$work/src"
SDL_VIDEODRIVER=offscreen "$kiosk" --preview "$work/src" --scenario "$here/preview.scn" \
  --shots "$shots"
# The preview leaves nothing behind in the temporary folder it worked in.
left=$(find "${TMPDIR:-/tmp}" -maxdepth 1 -name 'zjmap-preview-*' -newer "$work/src" 2>/dev/null | wc -l)
[ "$left" = 0 ] || { echo "FAIL: the preview left its work folder behind" >&2; exit 1; }
echo "preview: edit shown, broken source reported over the last good content, fix shown"
