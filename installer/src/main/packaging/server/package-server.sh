#!/usr/bin/env bash
# The server distribution: a tar.gz and a zip (launchers for Linux/macOS and Windows, the server
# jar, the default configuration; Java 17 required), and a .deb that runs it as a systemd
# service under its own unprivileged user (data /var/lib/switchboard-server, configuration
# /etc/switchboard-server/server.yaml, logs in the journal).
#
#   installer/src/main/packaging/server/package-server.sh VERSION TARGET
#
# Maven runs it (mvn -B -Pinstallers -pl installer -am package); TARGET/server-input holds the
# server's jar by then. Output: TARGET/packages/. Needs a JDK (java, jar) and dpkg-deb.
set -euo pipefail
VERSION="$1"
TARGET="$2"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
numeric="${VERSION%%-*}"
jar_file="$TARGET/server-input/switchboard-server.jar"
[[ -f "$jar_file" ]] || { echo "package-server: $jar_file missing" >&2; exit 1; }
java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}jar"
work="$TARGET/server-package"
rm -rf "$work"
mkdir -p "$work" "$TARGET/packages"

# the default configuration, as the server itself writes it (with every setting explained)
SWITCHBOARD_SERVER_DATA_DIR="$work/defaults" "$java_cmd" -jar "$jar_file" user list >/dev/null 2>&1
default_config="$work/defaults/server.yaml"
[[ -f "$default_config" ]] || { echo "package-server: the server wrote no default configuration" >&2; exit 1; }

# tar.gz and zip
dist="switchboard-server-$VERSION"
mkdir -p "$work/$dist/bin" "$work/$dist/lib" "$work/$dist/conf"
install -m 0755 "$here/switchboard-server.sh" "$work/$dist/bin/switchboard-server"
install -m 0644 "$here/switchboard-server.cmd" "$work/$dist/bin/switchboard-server.cmd"
install -m 0644 "$jar_file" "$work/$dist/lib/switchboard-server.jar"
install -m 0644 "$default_config" "$work/$dist/conf/server.yaml"
install -m 0644 "$here/README.txt" "$work/$dist/README.txt"
tar -C "$work" --owner=0 --group=0 -czf "$TARGET/packages/$dist.tar.gz" "$dist"
rm -f "$TARGET/packages/$dist.zip"
(cd "$work" && "$jar_cmd" --create --no-manifest --file "$TARGET/packages/$dist.zip" "$dist")

# .deb
root="$work/deb"
install -d "$root/DEBIAN" "$root/usr/bin" "$root/usr/share/switchboard-server/lib" \
    "$root/etc/switchboard-server" "$root/lib/systemd/system" "$root/usr/share/doc/switchboard-server"
install -m 0755 "$here/deb/switchboard-server" "$root/usr/bin/switchboard-server"
install -m 0644 "$jar_file" "$root/usr/share/switchboard-server/lib/switchboard-server.jar"
install -m 0640 "$default_config" "$root/etc/switchboard-server/server.yaml"
install -m 0644 "$here/deb/switchboard-server.service" "$root/lib/systemd/system/switchboard-server.service"
install -m 0644 "$here/README.txt" "$root/usr/share/doc/switchboard-server/README"
for script in postinst prerm postrm; do
    install -m 0755 "$here/deb/$script" "$root/DEBIAN/$script"
done
echo "/etc/switchboard-server/server.yaml" > "$root/DEBIAN/conffiles"
installed_kb="$(du -sk --exclude=DEBIAN "$root" | cut -f1)"
cat > "$root/DEBIAN/control" <<CONTROL
Package: switchboard-server
Version: $numeric
Section: net
Priority: optional
Architecture: all
Depends: openjdk-17-jre-headless | java17-runtime-headless, adduser, util-linux
Installed-Size: $installed_kb
Maintainer: Switchboard <switchboard@example.org>
Description: Switchboard presence server
 XMPP and SIP/SIMPLE presence, instant messaging and group chat, a SIP registrar
 and proxy for softphones, voicemail indication and CTI for desk phones, with an
 embedded database. Runs as the systemd service switchboard-server.
CONTROL
rm -f "$TARGET"/packages/switchboard-server_*.deb
dpkg-deb --root-owner-group -Zxz --build "$root" "$TARGET/packages/switchboard-server_${numeric}_all.deb" >/dev/null
echo "package-server: built"
ls -l "$TARGET/packages" | grep switchboard-server
