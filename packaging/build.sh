#!/usr/bin/env bash
# Build the one-folder app in one command: dist/briefing-builder/ (on macOS also
# "dist/Briefing Builder.app"). PyInstaller comes from the locked "packaging" dependency group.
#
#   packaging/build.sh                       # -> dist/briefing-builder/briefing-app
#   packaging/build.sh --dist DIR --work DIR # build elsewhere (tests/test_bundle.py does)
set -euo pipefail
cd "$(dirname "$0")/.."

dist=dist work=build
while [[ $# -gt 0 ]]; do
  case $1 in
    --dist) dist=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
    *) echo "build.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

uv run --group packaging pyinstaller --noconfirm --clean --log-level WARN \
  --distpath "$dist" --workpath "$work" packaging/briefing-builder.spec

app="$dist/briefing-builder"
echo "built $app ($(du -sh "$app" | cut -f1)); try: $app/briefing-app --version"
