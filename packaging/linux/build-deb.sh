#!/usr/bin/env bash
# Build the Debian package from a PyInstaller one-folder bundle, offline.
#
#   packaging/linux/build-deb.sh BUNDLE_DIR OUT_DIR
#
# BUNDLE_DIR is what `pyinstaller build.spec` made (dist/unodc-ta-compendium);
# the package lands in OUT_DIR as unodc-ta-compendium_<version>_<arch>.deb.
# It installs:
#   /opt/unodc-ta-compendium/                the bundle, untouched
#   /usr/bin/unodc-ta-compendium             symlink to the bundle's executable
#   /usr/share/applications/*.desktop        menu entry (English and Arabic names)
#   /usr/share/icons/hicolor/*/apps/*        the icon, PNG sizes and SVG
#   /usr/share/doc/unodc-ta-compendium/copyright  bundled components' licences
# No maintainer scripts: dpkg's triggers refresh the menu and icon caches, and
# removal deletes exactly the files listed above (the app writes nothing under
# /opt: its settings live in the user's home).
set -euo pipefail

NAME=unodc-ta-compendium
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"

if [ $# -ne 2 ]; then
  echo "usage: $0 BUNDLE_DIR OUT_DIR" >&2
  exit 2
fi
BUNDLE="$(cd "$1" && pwd)"
mkdir -p "$2"
OUT="$(cd "$2" && pwd)"
if [ ! -x "$BUNDLE/$NAME" ]; then
  echo "error: $BUNDLE/$NAME not found: build the bundle first (pyinstaller build.spec)" >&2
  exit 1
fi
command -v dpkg-deb >/dev/null || { echo "error: dpkg-deb not found (Debian package dpkg)" >&2; exit 1; }

VERSION="$(sed -n 's/^version *= *"\(.*\)"/\1/p' "$ROOT/pyproject.toml" | head -n1)"
ARCH="$(dpkg --print-architecture)"

# Oldest C library the bundle can run on: the newest GLIBC_x.y symbol version
# any bundled binary asks for (what dpkg-shlibdeps would compute for libc6).
GLIBC=""
if command -v objdump >/dev/null; then
  GLIBC="$(find "$BUNDLE" -type f \( -name '*.so*' -o -name "$NAME" \) -print0 \
           | xargs -0 objdump -T 2>/dev/null | grep -o 'GLIBC_[0-9][0-9.]*' \
           | sed 's/GLIBC_//' | sort -u -V | tail -n1 || true)"
fi
# What the bundle takes from the system rather than carrying: the C library,
# OpenGL/EGL, the X11 and Wayland client libraries Qt's platform plugins load.
# libxcb-cursor0 is required by Qt >= 6.5's xcb platform plugin.
DEPENDS="libc6${GLIBC:+ (>= $GLIBC)}, libgl1, libegl1, libxcb1, libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, libxkbcommon-x11-0, libfontconfig1, libdbus-1-3, libwayland-client0, libwayland-cursor0, libwayland-egl1"

STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT
PKG="$STAGE/pkg"

mkdir -p "$PKG/opt" "$PKG/usr/bin" "$PKG/usr/share/applications" "$PKG/DEBIAN"
cp -a "$BUNDLE" "$PKG/opt/$NAME"
ln -s "/opt/$NAME/$NAME" "$PKG/usr/bin/$NAME"
install -m 0644 "$HERE/$NAME.desktop" "$PKG/usr/share/applications/$NAME.desktop"
for png in "$ROOT"/resources/icons/app-*.png; do
  size="$(basename "$png" .png)"; size="${size#app-}"
  install -D -m 0644 "$png" "$PKG/usr/share/icons/hicolor/${size}x${size}/apps/$NAME.png"
done
install -D -m 0644 "$ROOT/resources/icons/app.svg" "$PKG/usr/share/icons/hicolor/scalable/apps/$NAME.svg"
install -D -m 0644 "$HERE/copyright" "$PKG/usr/share/doc/$NAME/copyright"

# Root-owned, world-readable, executables stay executable.
chmod -R u=rwX,go=rX "$PKG"
find "$PKG" -type d -exec chmod 0755 {} +

INSTALLED_SIZE="$(du -sk --exclude=DEBIAN "$PKG" | cut -f1)"
cat > "$PKG/DEBIAN/control" <<EOF
Package: $NAME
Version: $VERSION
Architecture: $ARCH
Section: education
Priority: optional
Maintainer: UNODC TA Compendium project <packaging@localhost>
Installed-Size: $INSTALLED_SIZE
Depends: $DEPENDS
Description: Offline Arabic reader for the UNODC technical-assistance compendium
 Browse, search, print and export the Arabic edition of the UNODC compendium
 and thematic index of recommendations, resolutions and decisions on
 technical assistance (Working Group meetings 1-11, Conference of the
 Parties sessions 1-8), with no internet connection. The content database,
 fonts and Qt libraries are bundled under /opt/$NAME.
EOF
chmod 0644 "$PKG/DEBIAN/control"

DEB="$OUT/${NAME}_${VERSION}_${ARCH}.deb"
dpkg-deb --root-owner-group -Zxz --build "$PKG" "$DEB" >/dev/null
echo "$DEB"
