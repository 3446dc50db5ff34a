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
#   /usr/share/doc/unodc-ta-compendium/changelog.gz
#   /usr/share/lintian/overrides/unodc-ta-compendium  accepted tags, with reasons
# Depends: the libraries the bundle takes from the system (system-libs.txt)
# and the oldest C library its binaries accept.
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

VERSION="$(sed -n 's/^__version__ *= *"\(.*\)"/\1/p' "$ROOT/desktop/__init__.py" | head -n1)"
ARCH="$(dpkg --print-architecture)"
command -v readelf >/dev/null && command -v objdump >/dev/null \
  || { echo "error: readelf/objdump not found (Debian package binutils)" >&2; exit 1; }

# Every ELF file of the bundle: its shared libraries and its executable.
ELVES="$(mktemp)"
trap 'rm -f "$ELVES"' EXIT
find "$BUNDLE" -type f \( -name '*.so' -o -name '*.so.*' -o -name "$NAME" \) -print0 > "$ELVES"

# Oldest C library the bundle can run on: the newest GLIBC_x.y symbol version
# any bundled binary asks for (what dpkg-shlibdeps would compute for libc6).
GLIBC="$(xargs -0 objdump -T < "$ELVES" 2>/dev/null | grep -o 'GLIBC_[0-9][0-9.]*' \
         | sed 's/GLIBC_//' | sort -u -V | tail -n1 || true)"

# What the bundle takes from the system: each library a bundled binary needs
# and the bundle does not carry, mapped to its package by system-libs.txt.
# An unknown library stops the build rather than leaving Depends short.
CARRIED="$(find "$BUNDLE" \( -type f -o -type l \) -name '*.so*' -printf '%f\n' | sort -u)"
NEEDED="$(xargs -0 readelf -d < "$ELVES" 2>/dev/null | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | sort -u)"
FROM_SYSTEM="$(comm -23 <(echo "$NEEDED") <(echo "$CARRIED"))"
PACKAGES=""
for lib in $FROM_SYSTEM; do
  pkg="$(awk -v lib="$lib" '$1 == lib { print $2 }' "$HERE/system-libs.txt")"
  if [ -z "$pkg" ]; then
    echo "error: the bundle needs $lib from the system: add it and its package to $HERE/system-libs.txt" >&2
    exit 1
  fi
  PACKAGES="$PACKAGES $pkg"
done
# libc6 with the version found above; libstdc++6 from GCC 11 (GLIBCXX_3.4.29,
# what Qt 6 asks for); the xcb cursor library Qt >= 6.5's xcb platform needs
# even where nothing links it directly.
DEPENDS="libc6${GLIBC:+ (>= $GLIBC)}"
for pkg in $(printf '%s\n' $PACKAGES libxcb-cursor0 | sort -u); do
  case "$pkg" in
    libc6) ;;
    libstdc++6) DEPENDS="$DEPENDS, libstdc++6 (>= 11)" ;;
    *) DEPENDS="$DEPENDS, $pkg" ;;
  esac
done

# The maintainer named in the changelog's latest entry (Debian's convention:
# DEBFULLNAME/DEBEMAIL set it for a rebuild by someone else).
MAINTAINER="$(sed -n 's/^ -- \(.*>\)  .*/\1/p' "$HERE/changelog" | head -n1)"
if [ -n "${DEBEMAIL:-}" ]; then
  MAINTAINER="${DEBFULLNAME:-UNODC TA Compendium maintainers} <$DEBEMAIL>"
fi
CHANGELOG_VERSION="$(sed -n '1s/^[^ ]* (\([^)]*\)).*/\1/p' "$HERE/changelog")"
if [ "$CHANGELOG_VERSION" != "$VERSION" ]; then
  echo "error: packaging/linux/changelog's latest entry is $CHANGELOG_VERSION, the app is $VERSION" >&2
  exit 1
fi

STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE" "$ELVES"' EXIT
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
gzip -9n < "$HERE/changelog" > "$PKG/usr/share/doc/$NAME/changelog.gz"
install -D -m 0644 "$HERE/lintian-overrides" "$PKG/usr/share/lintian/overrides/$NAME"

# Root-owned, world-readable, executables stay executable; shared libraries
# are not programs (lintian: shared-library-is-executable).
chmod -R u=rwX,go=rX "$PKG"
find "$PKG/opt" -type f -name '*.so*' -exec chmod 0644 {} +
find "$PKG" -type d -exec chmod 0755 {} +

INSTALLED_SIZE="$(du -sk --exclude=DEBIAN "$PKG" | cut -f1)"
cat > "$PKG/DEBIAN/control" <<EOF
Package: $NAME
Version: $VERSION
Architecture: $ARCH
Section: education
Priority: optional
Maintainer: $MAINTAINER
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
dpkg-deb --root-owner-group -Zxz -z9 --build "$PKG" "$DEB" >/dev/null
echo "$DEB"
