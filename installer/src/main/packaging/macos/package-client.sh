#!/usr/bin/env bash
# The macOS client installers: a jlink runtime with JavaFX, the jpackage app-image
# (Switchboard.app), a .dmg to drag it to Applications, and a .pkg for IT (installs for every
# user; an MDM or `sudo installer -pkg ... -target /` deploys it silently).
#
#   installer/src/main/packaging/macos/package-client.sh VERSION TARGET
#
# Maven runs it on a Mac (mvn -B -Pinstallers -DskipTests package -pl installer -am); TARGET holds
# client-input/ and javafx-modules/ (JavaFX's mac or mac-aarch64 jars) by then. Needs: JDK 17
# (jlink, jpackage), Xcode command line tools (sips, iconutil; codesign, xcrun for signing).
#
# Signing and notarisation hooks (docs/installing.md), all optional:
#   MAC_SIGNING_IDENTITY   "Developer ID Application: Example Corp (TEAMID)": signs the app, dmg and pkg
#                          (jpackage --mac-sign; the .pkg with the matching "Developer ID Installer")
#   MAC_NOTARY_PROFILE     a notarytool keychain profile (xcrun notarytool store-credentials): each
#                          package is submitted, waited for and stapled
set -euo pipefail
VERSION="$1"
TARGET="$2"
source "$(dirname "${BASH_SOURCE[0]}")/../common/client-image.sh"

case "$(uname -m)" in
    x86_64) platform=darwin-x86-64 ;;
    arm64) platform=darwin-aarch64 ;;
    *) echo "package-client: no packaging for $(uname -m)" >&2; exit 1 ;;
esac

# the .icns jpackage wants, from the 1024 px PNG
iconset="$TARGET/Switchboard.iconset"
rm -rf "$iconset"
mkdir -p "$iconset"
for size in 16 32 128 256 512; do
    sips -z "$size" "$size" "$packaging_dir/common/switchboard-1024.png" --out "$iconset/icon_${size}x${size}.png" >/dev/null
    double=$((size * 2))
    sips -z "$double" "$double" "$packaging_dir/common/switchboard-1024.png" --out "$iconset/icon_${size}x${size}@2x.png" >/dev/null
done
iconutil -c icns "$iconset" -o "$TARGET/Switchboard.icns"

started=$SECONDS
build_runtime
repack_class_path "$platform"
signing=()
if [[ -n "${MAC_SIGNING_IDENTITY:-}" ]]; then
    signing=(--mac-sign --mac-signing-key-user-name "${MAC_SIGNING_IDENTITY#*: }")
fi
build_app_image "$TARGET/Switchboard.icns" --mac-package-identifier io.switchboard.client ${signing[@]+"${signing[@]}"}
mkdir -p "$TARGET/packages"
numeric="$(numeric_version "$VERSION")"
for type in dmg pkg; do
    "$(jdk_tool jpackage)" --type "$type" --app-image "$TARGET/image/$app_name.app" --name "$app_name" \
        --dest "$TARGET/packages" --app-version "$numeric" --vendor "$vendor" ${signing[@]+"${signing[@]}"}
done
if [[ -n "${MAC_NOTARY_PROFILE:-}" ]]; then
    for package in "$TARGET"/packages/*.dmg "$TARGET"/packages/*.pkg; do
        xcrun notarytool submit "$package" --keychain-profile "$MAC_NOTARY_PROFILE" --wait
        xcrun stapler staple "$package"
    done
fi
echo "package-client: built in $((SECONDS - started)) s:"
ls -l "$TARGET/packages"
