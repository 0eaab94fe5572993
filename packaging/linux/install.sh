#!/usr/bin/env bash
# Install the built one-folder app on Linux, with its menu entry, icon, AppStream metadata and the
# .brief file type (double-click opens the brief in Briefing Builder).
#
#   packaging/linux/install.sh [BUNDLE] [PREFIX]    defaults: dist/briefing-builder, ~/.local
#   sudo packaging/linux/install.sh dist/briefing-builder /usr/local            # for every user
#
# Uninstall: rm -r PREFIX/lib/briefing-builder PREFIX/bin/briefing-app and the files listed below.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bundle=$(cd "${1:-$root/dist/briefing-builder}" && pwd)
prefix=${2:-$HOME/.local}
id=org.briefingbuilder.BriefingBuilder
[[ -x $bundle/briefing-app ]] || { echo "install.sh: no $bundle/briefing-app; run packaging/build.sh" >&2; exit 1; }

mkdir -p "$prefix/lib" "$prefix/bin" "$prefix/share/applications" "$prefix/share/metainfo" \
         "$prefix/share/mime/packages" "$prefix/share/icons"
rm -rf "$prefix/lib/briefing-builder"
cp -a "$bundle" "$prefix/lib/briefing-builder"
ln -sfn "$prefix/lib/briefing-builder/briefing-app" "$prefix/bin/briefing-app"
# the menu entry runs the installed program by its full path, whether or not PREFIX/bin is on PATH
sed -e "s|^Exec=briefing-app|Exec=$prefix/bin/briefing-app|" \
    -e "s|^TryExec=briefing-app|TryExec=$prefix/bin/briefing-app|" \
    "$here/$id.desktop" >"$prefix/share/applications/$id.desktop"
cp "$here/$id.metainfo.xml" "$prefix/share/metainfo/"
cp "$here/briefing-builder-mime.xml" "$prefix/share/mime/packages/briefing-builder.xml"
icons=$bundle/_internal/assets/icons/hicolor  # the bundle carries them; a clone has them in assets/
[[ -d $icons ]] || icons=$root/assets/icons/hicolor
cp -r "$icons" "$prefix/share/icons/"

# refresh the desktop's caches where the tools exist (all optional)
if command -v update-mime-database >/dev/null; then update-mime-database "$prefix/share/mime"; fi
if command -v update-desktop-database >/dev/null; then update-desktop-database -q "$prefix/share/applications"; fi
if command -v gtk-update-icon-cache >/dev/null; then gtk-update-icon-cache -q -t "$prefix/share/icons/hicolor" || true; fi
echo "installed Briefing Builder in $prefix (run: $prefix/bin/briefing-app)"
