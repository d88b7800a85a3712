#!/usr/bin/env bash
# Select a JDK for building and running OpenVNI (Java 21 or newer).
#
#   source scripts/select-jdk.sh     exports JAVA_HOME (and puts it first on PATH)
#   scripts/select-jdk.sh            prints the JAVA_HOME it would use
#
# Order: $JAVA_HOME if it is 21+; a Temurin 25 under /usr/lib/jvm; any other JDK 21+ under /usr/lib/jvm (newest
# first); `java` on PATH if 21+; otherwise `apt-get install openjdk-21-jdk-headless` when apt offers it (as root,
# or with sudo); otherwise a clear error. Also exports OPENVNI_JAVA_VERSION (the feature version, e.g. 25) and,
# on JDK 24+, lets Maven's own libraries use sun.misc.Unsafe quietly (MAVEN_OPTS).
# Set OPENVNI_NO_JDK_INSTALL=1 to never install anything.

openvni_jdk_feature_version() {
    # $1: a JDK home. Prints its feature version (21, 25, ...) or nothing.
    local home=$1 version=
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
    if [ -r "$home/release" ]; then
        version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")
    fi
    if [ -z "$version" ]; then
        version=$("$home/bin/java" -version 2>&1 | awk -F '"' '/version/ {print $2; exit}')
    fi
    version=${version#1.}
    echo "${version%%[!0-9]*}"
}

openvni_jdk_ok() {
    local v
    v=$(openvni_jdk_feature_version "$1")
    [ -n "$v" ] && [ "$v" -ge 21 ]
}

openvni_find_jdk() {
    local candidate v best= best_v=0
    if [ -n "${JAVA_HOME:-}" ] && openvni_jdk_ok "$JAVA_HOME"; then
        echo "$JAVA_HOME"; return 0
    fi
    for candidate in /usr/lib/jvm/temurin-25*; do
        if [ -d "$candidate" ] && openvni_jdk_ok "$candidate"; then
            echo "$candidate"; return 0
        fi
    done
    for candidate in /usr/lib/jvm/*; do
        [ -d "$candidate" ] && [ ! -L "$candidate" ] || continue
        v=$(openvni_jdk_feature_version "$candidate")
        if [ -n "$v" ] && [ "$v" -ge 21 ] && [ "$v" -gt "$best_v" ]; then
            best=$candidate; best_v=$v
        fi
    done
    if [ -n "$best" ]; then
        echo "$best"; return 0
    fi
    if command -v javac >/dev/null 2>&1; then
        candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
        if openvni_jdk_ok "$candidate"; then
            echo "$candidate"; return 0
        fi
    fi
    return 1
}

# The Debian package that would bring a JDK 21+: openjdk-21-jdk-headless where apt knows it, or on Debian 13 and
# later, whose archive has it (a fresh machine may have no package lists yet); fails where there is none (Debian 12)
openvni_jdk_package() {
    local version
    command -v apt-get >/dev/null 2>&1 || return 1
    # shellcheck disable=SC1091
    version=$(. /etc/os-release 2>/dev/null && echo "${VERSION_ID:-0}")
    if apt-cache show openjdk-21-jdk-headless >/dev/null 2>&1 || [ "${version%%.*}" -ge 13 ] 2>/dev/null; then
        echo openjdk-21-jdk-headless
    else
        return 1
    fi
}

openvni_install_jdk() {
    local sudo=
    [ "${OPENVNI_NO_JDK_INSTALL:-0}" = 1 ] && return 1
    command -v apt-get >/dev/null 2>&1 || return 1
    if [ "$(id -u)" != 0 ]; then
        command -v sudo >/dev/null 2>&1 || return 1
        sudo="sudo"
    fi
    if ! apt-cache show openjdk-21-jdk-headless >/dev/null 2>&1; then
        $sudo apt-get update -qq >&2 || true
        apt-cache show openjdk-21-jdk-headless >/dev/null 2>&1 || return 1
    fi
    echo "select-jdk: installing openjdk-21-jdk-headless with apt-get" >&2
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-21-jdk-headless >&2
}

openvni_select_jdk() {
    local home
    if ! home=$(openvni_find_jdk); then
        if openvni_install_jdk; then
            home=$(openvni_find_jdk) || home=
        fi
    fi
    if [ -z "$home" ]; then
        cat >&2 <<'MSG'
select-jdk: no JDK 21 or newer found.
  Looked at $JAVA_HOME, /usr/lib/jvm/* and `javac` on PATH, and apt has no openjdk-21-jdk-headless
  (Debian 12 "bookworm" does not ship it; Debian 13 "trixie" does).
  Install a JDK 21+ (for example Eclipse Temurin 21 or 25 into /usr/lib/jvm/temurin-25-jdk-amd64)
  or point JAVA_HOME at one, then try again.
MSG
        return 1
    fi
    JAVA_HOME=$home
    OPENVNI_JAVA_VERSION=$(openvni_jdk_feature_version "$home")
    export JAVA_HOME OPENVNI_JAVA_VERSION
    if [ "$OPENVNI_JAVA_VERSION" -ge 24 ]; then
        case " ${MAVEN_OPTS:-} " in
            *" --sun-misc-unsafe-memory-access=allow "*) ;;
            *) MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }--sun-misc-unsafe-memory-access=allow"; export MAVEN_OPTS ;;
        esac
    fi
}

if (return 0 2>/dev/null); then
    # sourced: configure the calling shell
    if openvni_select_jdk; then
        case ":$PATH:" in
            *":$JAVA_HOME/bin:"*) ;;
            *) PATH="$JAVA_HOME/bin:$PATH"; export PATH ;;
        esac
    else
        return 1
    fi
else
    set -eu
    openvni_select_jdk
    echo "$JAVA_HOME"
fi
