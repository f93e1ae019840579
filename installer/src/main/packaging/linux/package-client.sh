#!/usr/bin/env bash
# The Linux client packages: a jlink runtime with JavaFX, the jpackage app-image, a .deb (dpkg-deb)
# and an .rpm (jpackage; when rpmbuild is installed: Debian's package "rpm"). Installed under
# /opt/switchboard with a desktop menu entry, icon and /usr/bin/switchboard.
#
#   installer/src/main/packaging/linux/package-client.sh VERSION TARGET
#
# Maven runs it (mvn -B -Pinstallers -pl installer -am package); TARGET holds client-input/ (the
# class path) and javafx-modules/ (JavaFX's Linux jars) by then. Output: TARGET/packages/.
set -euo pipefail
VERSION="$1"
TARGET="$2"
source "$(dirname "${BASH_SOURCE[0]}")/../common/client-image.sh"

# JavaFX's glass toolkit opens GTK 3 at run time (no linker can see it), sound is ALSA, fonts come
# through fontconfig; the rest is what the runtime image's own libraries link (as jpackage's .deb
# computed them with dpkg -S): the same libraries under each family's names
deb_deps="libc6, zlib1g, libgtk-3-0, libglib2.0-0, libasound2, libfreetype6, fontconfig, libharfbuzz0b, \
libpng16-16, libgif7, libjpeg62-turbo, liblcms2-2, libx11-6, libxext6, libxi6, libxrender1, libxtst6, \
libxxf86vm1, libgl1"
rpm_deps="gtk3, alsa-lib, freetype, fontconfig, libXtst, libXxf86vm, mesa-libGL"

case "$(uname -m)" in
    x86_64) platform=linux-x86-64; deb_arch=amd64 ;;
    aarch64) platform=linux-aarch64; deb_arch=arm64 ;;
    *) echo "package-client: no packaging for $(uname -m) yet" >&2; exit 1 ;;
esac

started=$SECONDS
build_runtime
repack_class_path "$platform"
build_app_image "$packaging_dir/common/switchboard.png"
mkdir -p "$TARGET/packages"
rm -f "$TARGET"/packages/switchboard_*.deb "$TARGET"/packages/switchboard-[0-9]*.rpm
numeric="$(numeric_version "$VERSION")"

# .deb, with dpkg-deb from the app-image (ADR 0032): the menu entry, icon and /usr/bin link are
# files of the package, where jpackage's .deb registers the entry with xdg-desktop-menu at install
# time, which fails the whole install on systems without /etc/xdg/menus
root="$TARGET/deb-root"
rm -rf "$root"
install -d "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" \
    "$root/usr/share/icons/hicolor/256x256/apps" "$root/usr/share/doc/switchboard"
cp -a "$TARGET/image/$app_name" "$root/opt/switchboard"
ln -s /opt/switchboard/bin/Switchboard "$root/usr/bin/switchboard"
install -m 0644 "$packaging_dir/linux/deb/switchboard.desktop" "$root/usr/share/applications/switchboard.desktop"
install -m 0644 "$packaging_dir/common/switchboard.png" "$root/usr/share/icons/hicolor/256x256/apps/switchboard.png"
install -m 0755 "$packaging_dir/linux/deb/postinst" "$root/DEBIAN/postinst"
install -m 0755 "$packaging_dir/linux/deb/postrm" "$root/DEBIAN/postrm"
cat > "$root/DEBIAN/control" <<CONTROL
Package: switchboard
Version: $numeric
Section: net
Priority: optional
Architecture: $deb_arch
Depends: $deb_deps
Recommends: xdg-utils
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Maintainer: Switchboard <switchboard@example.org>
Homepage: https://switchboard.example.org
Description: Switchboard desktop client
 A buddy list with rich presence, instant messaging and group chat over XMPP and
 SIP/SIMPLE, a softphone, and control of the phone on the desk (CTI). IT can
 preset it for every user in /etc/switchboard/client.properties.
CONTROL
dpkg-deb --root-owner-group -Zxz --build "$root" "$TARGET/packages/switchboard_${numeric}_${deb_arch}.deb" >/dev/null

# .rpm, with jpackage (needs rpmbuild: Debian's package "rpm")
if command -v rpmbuild >/dev/null 2>&1; then
    "$(jdk_tool jpackage)" --type rpm --app-image "$TARGET/image/$app_name" --name "$app_name" \
        --dest "$TARGET/packages" --app-version "$numeric" --vendor "$vendor" --description "$description" \
        --linux-package-name switchboard --install-dir /opt --linux-shortcut \
        --linux-menu-group "Network;InstantMessaging;Telephony;" --linux-app-category net \
        --linux-package-deps "$rpm_deps" --linux-rpm-license-type "ASL 2.0"
else
    echo "package-client: rpmbuild not found (Debian: apt-get install rpm); no .rpm built" >&2
fi
echo "package-client: built in $((SECONDS - started)) s:"
ls -l "$TARGET/packages"
