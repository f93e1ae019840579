#!/usr/bin/env bash
# What the Linux and macOS client packaging share (sourced, not run): the numeric version, the
# jlink runtime with JavaFX, and the jpackage app-image. Windows does the same in PowerShell.
# Needs: VERSION, TARGET (Maven's installer/target), JAVA_HOME or a JDK 17 on the PATH. Written
# for bash 3.2 too (macOS's): no empty "${array[@]}" under set -u.

packaging_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repo_root="$(cd "$packaging_dir/../../../.." && pwd)"
app_name="Switchboard"
main_class="io.switchboard.app.Main"
vendor="Switchboard"
description="Switchboard: presence, chat and calls over XMPP and SIP"

jdk_tool() {
    if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/$1" ]]; then
        echo "$JAVA_HOME/bin/$1"
    else
        command -v "$1" || { echo "package-client: $1 not found; install a full JDK 17 (jlink, jpackage)" >&2; exit 1; }
    fi
}

# jpackage and the package formats want numbers only: 0.1.0-SNAPSHOT installs as 0.1.0
numeric_version() {
    local numeric="${1%%-*}"
    [[ "$numeric" =~ ^[0-9]+(\.[0-9]+){0,2}$ ]] || { echo "package-client: version $1 is not N[.N[.N]][-suffix]" >&2; exit 1; }
    echo "$numeric"
}

# The JDK's jmods plus JavaFX's platform jars, linked into one small runtime. Uncompressed
# (--compress=0): the package format compresses everything once, which is smaller than compressing
# the module image and then the package (docs/benchmarks.md, "Installers"); native debug symbols
# left out; the locales of the languages people are most likely to run it in.
build_runtime() {
    local jlink modules jmods
    jlink="$(jdk_tool jlink)"
    # the JDK's own jmods (macOS's readlink has no -f before 12.3: JAVA_HOME first)
    if [[ -n "${JAVA_HOME:-}" ]]; then
        jmods="$JAVA_HOME/jmods"
    else
        jmods="$(dirname "$(dirname "$(readlink -f "$jlink")")")/jmods"
    fi
    [[ -d "$jmods" ]] || { echo "package-client: no jmods in $jmods (Debian: openjdk-17-jdk-headless)" >&2; exit 1; }
    modules="$(grep -v '^#' "$packaging_dir/common/runtime-modules.txt" | grep -v '^$' | paste -sd, -)"
    strip_native=()
    if [[ "$(uname -s)" == Linux ]]; then
        strip_native=(--strip-native-debug-symbols=exclude-debuginfo-files)
    fi
    rm -rf "$TARGET/runtime"
    "$jlink" --module-path "$jmods:$TARGET/javafx-modules" --add-modules "$modules" \
        --strip-debug --no-header-files --no-man-pages --compress=0 ${strip_native[@]+"${strip_native[@]}"} \
        --include-locales=en,de,fr,es,it,nl,pt,sv,da,nb,fi,pl,cs,ja,zh,ko --output "$TARGET/runtime"
}

# The client's JVM options (app/client-jvm.options: comments and blank lines left out), as
# jpackage --java-options arguments; the launcher passes them to every start
java_option_args() {
    java_options=()
    while IFS= read -r option; do
        java_options+=(--java-options "$option")
    done < <(grep -v '^[[:space:]]*#' "$repo_root/app/client-jvm.options" | grep -v '^[[:space:]]*$')
}

# The class path jars without other platforms' natives and stored uncompressed (RepackJars.java);
# $1 is the platform as libjitsi and JNA name it (linux-x86-64, darwin-aarch64, ...)
repack_class_path() {
    "$(jdk_tool java)" "$packaging_dir/common/RepackJars.java" "$TARGET/client-input" "$1"
}

# The application image: launcher, runtime, the class path jars
build_app_image() {
    local jpackage main_jar
    jpackage="$(jdk_tool jpackage)"
    main_jar="switchboard-app-$VERSION.jar"
    [[ -f "$TARGET/client-input/$main_jar" ]] || { echo "package-client: $TARGET/client-input/$main_jar missing" >&2; exit 1; }
    java_option_args
    rm -rf "$TARGET/image"
    "$jpackage" --type app-image --name "$app_name" --dest "$TARGET/image" \
        --input "$TARGET/client-input" --main-jar "$main_jar" --main-class "$main_class" \
        --runtime-image "$TARGET/runtime" --app-version "$(numeric_version "$VERSION")" \
        --vendor "$vendor" --description "$description" --icon "$1" \
        "${java_options[@]}" ${2+"${@:2}"}
}
