#!/usr/bin/env bash
# The Linux client packages: a jlink runtime with JavaFX, the jpackage app-image, a .deb and an
# .rpm (the .rpm when rpmbuild is installed: Debian's package "rpm"). Installed under
# /opt/switchboard with a desktop menu entry and icon.
#
#   installer/src/main/packaging/linux/package-client.sh VERSION TARGET
#
# Maven runs it (mvn -B -Pinstallers -pl installer -am package); TARGET holds client-input/ (the
# class path) and javafx-modules/ (JavaFX's Linux jars) by then. Output: TARGET/packages/.
set -euo pipefail
VERSION="$1"
TARGET="$2"
source "$(dirname "${BASH_SOURCE[0]}")/../common/client-image.sh"

# JavaFX's glass toolkit opens GTK 3 at run time (jpackage cannot see it), sound is ALSA, and
# fonts come through fontconfig: the same libraries under each family's names
deb_deps="libgtk-3-0, libasound2, libfreetype6, fontconfig, libxtst6, libxxf86vm1, libgl1"
rpm_deps="gtk3, alsa-lib, freetype, fontconfig, libXtst, libXxf86vm, mesa-libGL"

case "$(uname -m)" in
    x86_64) platform=linux-x86-64 ;;
    aarch64) platform=linux-aarch64 ;;
    *) echo "package-client: no packaging for $(uname -m) yet" >&2; exit 1 ;;
esac

started=$SECONDS
build_runtime
repack_class_path "$platform"
build_app_image "$packaging_dir/common/switchboard.png"
mkdir -p "$TARGET/packages"
rm -f "$TARGET"/packages/switchboard_*.deb "$TARGET"/packages/switchboard-*.rpm

jpackage="$(jdk_tool jpackage)"
package() {
    "$jpackage" --type "$1" --app-image "$TARGET/image/$app_name" --name "$app_name" --dest "$TARGET/packages" \
        --app-version "$(numeric_version "$VERSION")" --vendor "$vendor" --description "$description" \
        --linux-package-name switchboard --install-dir /opt --linux-shortcut \
        --linux-menu-group "Network;InstantMessaging;Telephony;" --linux-app-category net \
        "${@:2}"
}
package deb --linux-package-deps "$deb_deps" --linux-deb-maintainer "switchboard@example.org"
if command -v rpmbuild >/dev/null 2>&1; then
    package rpm --linux-package-deps "$rpm_deps" --linux-rpm-license-type "ASL 2.0"
else
    echo "package-client: rpmbuild not found (Debian: apt-get install rpm); no .rpm built" >&2
fi
echo "package-client: built in $((SECONDS - started)) s:"
ls -l "$TARGET/packages"
