#!/usr/bin/env bash
# The Switchboard server's launcher in the tar.gz distribution: bin/switchboard-server [command] [options].
# Needs Java 17 or newer (JAVA_HOME, or java on the PATH). Data and configuration: --data-dir and
# --config, else $SWITCHBOARD_SERVER_DATA_DIR / $SWITCHBOARD_SERVER_CONFIG, else the per-user folder.
# JAVA_OPTS is passed to the JVM, e.g. JAVA_OPTS=-Xmx256m.
set -euo pipefail
home="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
java_cmd="java"
if [[ -n "${JAVA_HOME:-}" ]]; then
    java_cmd="$JAVA_HOME/bin/java"
fi
if ! command -v "$java_cmd" >/dev/null 2>&1; then
    echo "switchboard-server: no Java found. Install Java 17 or newer, or set JAVA_HOME." >&2
    exit 1
fi
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options on purpose
exec "$java_cmd" ${JAVA_OPTS:-} -jar "$home/lib/switchboard-server.jar" "$@"
