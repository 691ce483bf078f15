#!/usr/bin/env bash
# Builds dist/askonce_<version>_amd64.deb with dpkg-deb from the frozen app (dist/askonce/,
# made by packaging/build_frozen.sh; built first if missing). Depends are computed with
# dpkg-shlibdeps over every ELF file of the payload (see packaging/README.md).
# Usage: bash packaging/build_deb.sh [--version DEBIAN_VERSION] [--frozen DIR] [--out DIR]
#   default version: app.__version__ + "-1"; MAINTAINER overrides the Maintainer field.
#   DEB_COMPRESSION: gzip (default: ~8 s here, 84 MB, read by every dpkg and repository tool)
#   or xz (~2 min on 2 cores, 63 MB).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
version="" frozen=dist/askonce out=dist
while [ $# -gt 0 ]; do
  case "$1" in
    --version) version=$2; shift 2 ;;
    --frozen) frozen=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) echo "build_deb.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
upstream=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' app/__init__.py)
version=${version:-$upstream-1}
maintainer=${MAINTAINER:-AskOnce team <askonce@hospital.example>}
# One date for the changelog, the man page and the metainfo: the last commit's, else now.
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
[ -x "$frozen/askonce" ] || bash packaging/build_frozen.sh
start=$(date +%s)

work=build/deb
pkg=$work/askonce_$version
rm -rf "$work" && mkdir -p "$pkg/DEBIAN" "$out"
umask 022

# The frozen app, its launcher and desktop integration.
install -d "$pkg/usr/lib" "$pkg/usr/bin"
cp -a "$frozen" "$pkg/usr/lib/askonce"
ln -s ../lib/askonce/askonce "$pkg/usr/bin/askonce"
install -D -m 0644 packaging/deb/com.askonce.AskOnce.desktop \
  "$pkg/usr/share/applications/com.askonce.AskOnce.desktop"
install -D -m 0644 packaging/deb/askonce.svg "$pkg/usr/share/icons/hicolor/scalable/apps/askonce.svg"
release_date=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%d)
install -d "$pkg/usr/share/metainfo" "$pkg/usr/share/man/man1"
sed -e "s/@VERSION@/$upstream/" -e "s/@DATE@/$release_date/" packaging/deb/com.askonce.AskOnce.metainfo.xml \
  >"$pkg/usr/share/metainfo/com.askonce.AskOnce.metainfo.xml"
sed "s/@VERSION@/$upstream/" packaging/deb/askonce.1 | gzip -9n >"$pkg/usr/share/man/man1/askonce.1.gz"

# Documentation: copyright, changelog, an example policy (never installed as /etc/askonce/...).
doc=$pkg/usr/share/doc/askonce
install -D -m 0644 packaging/deb/copyright "$doc/copyright"
example=packaging/policy/policy.example.json
[ -f "$example" ] || example=packaging/policy.example.json
install -D -m 0644 "$example" "$doc/examples/policy.json"
{
  echo "askonce ($version) stable; urgency=medium"
  echo
  echo "  * AskOnce $upstream, frozen with PyInstaller for Debian 12 (bookworm) and later."
  echo
  echo " -- $maintainer  $(date -u -R -d "@$SOURCE_DATE_EPOCH")"
} | gzip -9n >"$doc/changelog.Debian.gz"
install -D -m 0644 packaging/deb/lintian-overrides "$pkg/usr/share/lintian/overrides/askonce"

# Libraries PyInstaller copied from this Debian system (GTK, GnuTLS, zlib, ...) are left out:
# the same files come from the Debian packages in Depends, so the hospital's security updates
# reach them. Only exact copies of a file a Debian package owns go; the Python runtime and the
# wheels' own libraries (Qt, OpenSSL of cryptography, SQLCipher) stay in the bundle.
unbundled=0
for lib in "$pkg"/usr/lib/askonce/_internal/*.so*; do
  name=$(basename "$lib")
  for dir in /usr/lib/x86_64-linux-gnu /lib/x86_64-linux-gnu; do
    if [ -f "$dir/$name" ] && cmp -s "$lib" "$dir/$name" && dpkg -S "$dir/$name" >/dev/null 2>&1; then
      rm "$lib"; unbundled=$((unbundled + 1)); break
    fi
  done
done
echo "left out $unbundled libraries that Debian packages provide"
# A Python built elsewhere (pyenv) leaves its build folder as RUNPATH: nothing to look up on a
# ward PC. $ORIGIN RUNPATHs (the wheels' own) are kept.
find "$pkg/usr/lib/askonce/_internal" -type f -name '*.so*' -print0 |
  while IFS= read -r -d '' lib; do
    rpath=$(patchelf --print-rpath "$lib" 2>/dev/null || true)
    case "$rpath" in ""|*'$ORIGIN'*) ;; *) patchelf --remove-rpath "$lib" ;; esac
  done

# Shared objects are stripped as dh_strip would; the launcher (the PyInstaller bootloader) is
# not: its archive is appended after the ELF image and strip would cut it off.
find "$pkg/usr/lib/askonce/_internal" -type f -name '*.so*' -exec chmod 0644 {} + \
  -exec strip --remove-section=.comment --remove-section=.note --strip-unneeded {} +
find "$pkg" -type d -exec chmod 0755 {} +
find "$pkg/usr/lib/askonce" -type f ! -name '*.so*' ! -path "$pkg/usr/lib/askonce/askonce" \
  -exec chmod 0644 {} +

# Depends: dpkg-shlibdeps over every ELF file. Libraries PyInstaller bundled resolve inside
# the payload (-l) and add nothing; the rest map to the Debian packages that provide them.
mapfile -t elves < <(find "$pkg/usr/lib/askonce" -type f -exec sh -c \
  'for f; do head -c4 "$f" | grep -q "^.ELF" && echo "$f"; done' sh {} +)
mkdir -p "$work/shlibs/debian"
printf 'Source: askonce\n\nPackage: askonce\nArchitecture: amd64\n' >"$work/shlibs/debian/control"
abs_elves=("${elves[@]/#/$ROOT/}")
depends=$(cd "$work/shlibs" && dpkg-shlibdeps -O --ignore-missing-info \
  -l"$ROOT/$pkg/usr/lib/askonce/_internal" "${abs_elves[@]}" 2>"$ROOT/$work/shlibdeps.log" |
  sed -n 's/^shlibs:Depends=//p')
[ -n "$depends" ] || { cat "$work/shlibdeps.log" >&2; echo "no Depends computed" >&2; exit 1; }

size=$(du -sk --exclude=DEBIAN "$pkg" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@MAINTAINER@/$maintainer/" -e "s/@INSTALLED_SIZE@/$size/" \
  -e "s/@DEPENDS@/$depends/" packaging/deb/control.in >"$pkg/DEBIAN/control"
install -m 0755 packaging/deb/postinst packaging/deb/postrm "$pkg/DEBIAN/"
(cd "$pkg" && find usr -type f -printf '%P\0' | sort -z |
  xargs -0 -I{} md5sum "usr/{}" >DEBIAN/md5sums 2>/dev/null || true)
chmod 0644 "$pkg/DEBIAN/md5sums"

deb="$out/askonce_${version}_amd64.deb"
dpkg-deb --root-owner-group -Z"${DEB_COMPRESSION:-gzip}" --build "$pkg" "$deb" >/dev/null
echo "built $deb ($(du -h "$deb" | cut -f1)) in $(( $(date +%s) - start )) s"
