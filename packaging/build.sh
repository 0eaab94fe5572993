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
# The development root's one key (docs/library-updates.md): its private half was destroyed, so a
# build that ships it can never install a library update. Fine for testing, wrong for a release.
if grep -q 95820939aba50a8a91811802d96c3058e70b7d9454b80019509a35505024ee12 assets/library-root.json; then
  echo "warning: this build ships the development library root (assets/library-root.json): it cannot" \
       "install any library update. Before a release, put headquarters' root.json there" \
       "(docs/library-updates.md, 'Ship the root with the app')." >&2
fi
