#!/usr/bin/env bash
# Build the one-folder app in one command: dist/briefing-builder/ (on macOS also
# "dist/Briefing Builder.app"). PyInstaller comes from the locked "packaging" dependency group.
#
#   packaging/build.sh                       # -> dist/briefing-builder/briefing-app
#   packaging/build.sh --dist DIR --work DIR # build elsewhere (tests/test_bundle.py does)
#   packaging/build.sh --clean               # other arguments go to PyInstaller
set -euo pipefail
cd "$(dirname "$0")/.."

dist=dist work=build extra=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --dist) dist=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) extra+=("$1"); shift ;;
  esac
done

uv run --group packaging pyinstaller --noconfirm --log-level WARN \
  --distpath "$dist" --workpath "$work" "${extra[@]}" packaging/briefing-builder.spec

app="$dist/briefing-builder"
echo "built $app ($(du -sh "$app" | cut -f1)); try: $app/briefing-app --version"
