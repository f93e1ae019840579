#!/usr/bin/env bash
# Installs the built .deb packages on this machine, runs them as a user and IT would, and purges
# them (issue 8's proof). Needs root, dpkg, xvfb-run and free ports 5222/5060-5062 on 127.0.0.1;
# CI runs it through `mvn -B -Pinstallers -Dinstaller.test.skip=false -pl installer verify`.
#
#   installer/src/test/linux/installed-packages-test.sh TARGET
#
# 1. client .deb: installed under /opt/switchboard with its menu entry; the installed launcher
#    shows the sign-in window under Xvfb (--smoke-test: picture and report); a system preset in
#    /etc/switchboard/client.properties prefills and locks the server field; purged cleanly.
# 2. server .deb: its user, configuration and service (or, without systemd, the installed launcher
#    as the service's user with the installed configuration); an administrator adds a user; the
#    installed client signs in to it; an upgrade keeps the data and the edited configuration;
#    purged cleanly, data and user included.
set -euo pipefail
target="$(cd "$1" && pwd)"
packages="$target/packages"
results="$target/installed-test"
work="$(mktemp -d)"
preset=/etc/switchboard/client.properties
preset_backup=""
server_pid=""

fail() {
    echo "installed-packages-test: FAILED: $*" >&2
    exit 1
}
step() {
    echo "installed-packages-test: $*"
}
cleanup() {
    if [[ -n "$server_pid" ]]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    dpkg -P switchboard switchboard-server >/dev/null 2>&1 || true
    rm -f "$preset"
    if [[ -n "$preset_backup" ]]; then
        mv "$preset_backup" "$preset"
    fi
    [[ -n "${KEEP_WORK:-}" ]] || rm -rf "$work"
}
trap cleanup EXIT

[[ "$(id -u)" == 0 ]] || fail "needs root (dpkg -i); CI runs as root"
command -v dpkg >/dev/null || fail "needs dpkg"
command -v xvfb-run >/dev/null || fail "needs xvfb-run (Debian: xvfb xauth)"
client_deb="$(ls "$packages"/switchboard_*.deb 2>/dev/null | head -1)"
server_deb="$(ls "$packages"/switchboard-server_*_all.deb 2>/dev/null | head -1)"
[[ -f "$client_deb" && -f "$server_deb" ]] || fail "build the packages first (-Pinstallers package)"
rm -rf "$results"
mkdir -p "$results"

# The client as a fresh user runs it: its own settings and logs under $work, not root's
run_client() {
    local out="$1"
    shift
    HOME="$work/home" XDG_CONFIG_HOME="$work/home/config" XDG_STATE_HOME="$work/home/state" \
        XDG_DATA_HOME="$work/home/data" XDG_CACHE_HOME="$work/home/cache" \
        timeout 150 xvfb-run -a -s "-screen 0 1280x1024x24" /opt/switchboard/bin/Switchboard \
        --smoke-test "$out" "$@" >"$out.log" 2>&1 || {
        local code=$?
        tail -30 "$out.log" >&2
        find "$work/home/state" -name '*.log' -exec tail -30 {} \; >&2 2>/dev/null || true
        fail "the installed client exited $code ($*)"
    }
    if grep -q "No SLF4J providers" "$out.log"; then
        fail "the installed client has no logging (no SLF4J provider on its class path)"
    fi
    [[ -f "$out/smoke-test.properties" ]] || fail "no smoke-test report in $out"
}
report() {
    grep "^$2=" "$1/smoke-test.properties" | head -1 | cut -d= -f2-
}

step "client: dpkg -i $(basename "$client_deb")"
dpkg -i "$client_deb" >/dev/null
[[ -x /opt/switchboard/bin/Switchboard ]] || fail "no launcher /opt/switchboard/bin/Switchboard"
desktop_entry="$(find /usr/share/applications -name '*witchboard*.desktop' | head -1)"
[[ -n "$desktop_entry" ]] || fail "no desktop menu entry in /usr/share/applications"
grep -q "^Exec=/opt/switchboard/bin/Switchboard" "$desktop_entry" || fail "the menu entry does not start the launcher"
icon="$(grep '^Icon=' "$desktop_entry" | cut -d= -f2)"
[[ -f "/usr/share/icons/hicolor/256x256/apps/$icon.png" ]] || fail "the menu entry's icon $icon is not installed"
[[ "$(readlink -f /usr/bin/switchboard)" == /opt/switchboard/bin/Switchboard ]] || fail "no /usr/bin/switchboard"

step "client: the installed launcher shows the sign-in window"
mkdir -p "$work/home"
run_client "$work/plain"
[[ "$(report "$work/plain" window.title)" == "Switchboard — Sign in" ]] || fail "first window: $(report "$work/plain" window.title)"
cp "$work/plain/smoke-test.png" "$results/installed-sign-in.png"
echo "shown-after-ms=$(report "$work/plain" window.shown-after-ms)" >> "$results/numbers.properties"

step "client: a system preset in $preset prefills and locks the server"
if [[ -e "$preset" ]]; then
    preset_backup="$work/client.properties.before"
    mv "$preset" "$preset_backup"
fi
mkdir -p "$(dirname "$preset")"
cat > "$preset" <<PRESET
server=chat.example.com:5222
domain=example.com
locked=server
PRESET
rm -rf "$work/home"
run_client "$work/preset"
[[ "$(report "$work/preset" control.server.value)" == "chat.example.com:5222" ]] || fail "preset server not filled in"
[[ "$(report "$work/preset" control.server.disabled)" == "true" ]] || fail "preset server not locked"
[[ "$(report "$work/preset" control.user.disabled)" == "false" ]] || fail "the user field should stay editable"
cp "$work/preset/smoke-test.png" "$results/installed-sign-in-preset.png"
rm -f "$preset"

step "server: dpkg -i $(basename "$server_deb")"
dpkg -i "$server_deb" >/dev/null
getent passwd switchboard-server >/dev/null || fail "no service user"
[[ "$(stat -c %U /var/lib/switchboard-server)" == switchboard-server ]] || fail "/var/lib/switchboard-server is not the service's"
[[ -f /etc/switchboard-server/server.yaml ]] || fail "no /etc/switchboard-server/server.yaml"
[[ -f /lib/systemd/system/switchboard-server.service ]] || fail "no systemd unit"
step "server: an administrator adds a user with the installed command (the embedded database is"
step "        the service's own while it runs: stopped for that, as docs/installing.md says)"
if [[ -d /run/systemd/system ]]; then
    systemctl stop switchboard-server
fi
printf 'installed-pw\n' > "$work/password"
chmod 0755 "$work"
chmod 0644 "$work/password"
switchboard-server user add alice --password-file "$work/password" >/dev/null
switchboard-server user list | grep -q '^alice' || fail "user add did not reach the service's data"

if [[ -d /run/systemd/system ]]; then
    step "server: systemd runs the service"
    systemctl start switchboard-server
    for _ in $(seq 60); do systemctl is-active --quiet switchboard-server && break; sleep 1; done
    systemctl is-active --quiet switchboard-server || fail "the service did not start"
    log_command=(journalctl -u switchboard-server --no-pager)
else
    step "server: no systemd here; the installed launcher as the service's user, with the unit's environment"
    mapfile -t unit_environment < <(sed -n 's/^Environment=//p' /lib/systemd/system/switchboard-server.service)
    [[ " ${unit_environment[*]} " == *" SWITCHBOARD_SERVER_CONFIG=/etc/switchboard-server/server.yaml "* ]] \
        || fail "the unit does not name the installed configuration"
    runuser -u switchboard-server -- env "${unit_environment[@]}" /usr/bin/switchboard-server run \
        >"$work/server.log" 2>&1 &
    server_pid=$!
    log_command=(cat "$work/server.log")
fi
for _ in $(seq 90); do
    "${log_command[@]}" 2>/dev/null | grep -q "Certificate SHA-256 fingerprint" && break
    sleep 1
done
fingerprint="$("${log_command[@]}" | grep -o 'Certificate SHA-256 fingerprint: [0-9A-Fa-f:]*' | head -1 | cut -d' ' -f4)"
[[ -n "$fingerprint" ]] || { "${log_command[@]}" | tail -30 >&2; fail "the server did not start"; }

step "server: the installed client signs in to it"
rm -rf "$work/home"
SWITCHBOARD_TEST_PASSWORD=installed-pw run_client "$work/signed-in" --server 127.0.0.1:5222 \
    --user alice@localhost --password-env SWITCHBOARD_TEST_PASSWORD --trust-fingerprint "$fingerprint" \
    --phone-proxy 127.0.0.1:5060 \
    --auto-sign-in
[[ "$(report "$work/signed-in" window.title)" == "Switchboard — alice@localhost" ]] \
    || fail "not signed in: $(report "$work/signed-in" window.title)"
cp "$work/signed-in/smoke-test.png" "$results/installed-signed-in.png"

step "server: upgrading to a newer version keeps the data and the edited configuration"
if [[ -n "$server_pid" ]]; then
    kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
fi
# the same payload as a later version: dpkg runs the real upgrade path (prerm upgrade, unpack,
# postinst configure with the old version)
dpkg-deb -R "$server_deb" "$work/upgrade"
version="$(dpkg-deb -f "$server_deb" Version)"
sed -i "s/^Version: .*/Version: $version.1/" "$work/upgrade/DEBIAN/control"
dpkg-deb --root-owner-group --build "$work/upgrade" "$work/switchboard-server-upgrade.deb" >/dev/null
printf '\n# edited by the administrator\n' >> /etc/switchboard-server/server.yaml
dpkg -i --force-confold "$work/switchboard-server-upgrade.deb" >/dev/null
[[ "$(dpkg-query -W -f '${Version}' switchboard-server)" == "$version.1" ]] || fail "not upgraded"
grep -q "edited by the administrator" /etc/switchboard-server/server.yaml || fail "the upgrade replaced the configuration"
if [[ -d /run/systemd/system ]]; then
    systemctl stop switchboard-server
fi
switchboard-server user list | grep -q '^alice' || fail "the upgrade lost the users"

step "server and client: dpkg -P removes everything"
dpkg -P switchboard-server >/dev/null
[[ ! -e /var/lib/switchboard-server && ! -e /usr/bin/switchboard-server ]] || fail "the server left files behind"
! getent passwd switchboard-server >/dev/null || fail "the service user is still there"
dpkg -P switchboard >/dev/null
[[ ! -e /opt/switchboard ]] || fail "/opt/switchboard is still there"
[[ -z "$(find /usr/share/applications -name '*witchboard*.desktop')" && ! -e /usr/bin/switchboard ]] \
    || fail "the menu entry or /usr/bin/switchboard is still there"

step "passed; pictures and numbers in $results"
