#!/bin/sh
# Install the Plainview bundle for the current user (no root needed), or remove it again.
#
#   ./install-local.sh            # copies this folder to ~/.local/opt/plainview, adds the
#                                 # `plainview` command, the menu entry and the icons
#   ./install-local.sh --remove   # takes all of that away again (your vault stays)
#
# Run it from inside the unpacked bundle folder (the one holding the `plainview` program).
set -eu
APP_ID=org.plainview.Plainview
HERE=$(cd "$(dirname "$0")" && pwd)
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
PREFIX=$HOME/.local/opt/plainview
BIN=$HOME/.local/bin

if [ "${1:-}" = "--remove" ]; then
    rm -rf "$PREFIX"
    rm -f "$BIN/plainview" "$DATA/applications/$APP_ID.desktop" "$DATA/metainfo/$APP_ID.metainfo.xml"
    find "$DATA/icons/hicolor" -name "$APP_ID.*" -delete 2>/dev/null || true
    echo "Plainview removed. Your vault was not touched."
    exit 0
fi

[ -x "$HERE/plainview" ] || { echo "error: run this script from the Plainview folder" >&2; exit 2; }
if [ "$HERE" != "$PREFIX" ]; then
    rm -rf "$PREFIX"
    mkdir -p "$(dirname "$PREFIX")"
    cp -a "$HERE" "$PREFIX"
fi
mkdir -p "$BIN" "$DATA/applications" "$DATA/metainfo" "$DATA/icons"
ln -sf "$PREFIX/plainview" "$BIN/plainview"
# The menu entry runs the installed program by its full path (~/.local/bin may not be on PATH).
sed -e "s|^Exec=plainview|Exec=$PREFIX/plainview|" -e "s|^TryExec=plainview|TryExec=$PREFIX/plainview|" \
    "$PREFIX/share/applications/$APP_ID.desktop" > "$DATA/applications/$APP_ID.desktop"
cp "$PREFIX/share/metainfo/$APP_ID.metainfo.xml" "$DATA/metainfo/"
cp -r "$PREFIX/share/icons/hicolor" "$DATA/icons/"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$DATA/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$DATA/icons/hicolor" || true
echo "Plainview installed: find it in your applications menu, or run $BIN/plainview"
