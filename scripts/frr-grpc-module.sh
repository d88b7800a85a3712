#!/usr/bin/env bash
# Builds FRR's northbound gRPC module (grpc.so) for the FRR installed on this Debian machine, from Debian's own frr
# source package, and prints the absolute path of grpc.so on stdout (everything else goes to stderr).
#
# Debian builds frr without --enable-grpc, but its source package builds the module and the packaged daemons load
# it by path: `zebra ... -M /path/grpc.so:PORT`. The module loader checks no versions, so the result is cached in a
# folder keyed by the installed frr, libgrpc++ and libprotobuf versions; a cached run takes about 0.1 s.
#
# Usage: scripts/frr-grpc-module.sh [--cache-dir DIR] [--rebuild | --cached]
#   --cache-dir DIR  cache root (default ${OPENVNI_CACHE:-$HOME/.cache/openvni}/frr-grpc)
#   --rebuild        ignore a cached module for the current versions
#   --cached         only a cached module: print its path, or fail (exit 3) without building
# Needs root (apt-get) for a cold build (4-13 minutes); a cached one needs nothing. See shared docs frr.md for the
# recipe. scripts/setup.sh runs it for the demo and the tests.
set -euo pipefail

die() { echo "frr-grpc-module: error: $*" >&2; exit 1; }
log() { echo "frr-grpc-module: $*" >&2; }

cache_root="${OPENVNI_CACHE:-${HOME:-/root}/.cache/openvni}/frr-grpc"
rebuild=0
cached_only=0
while [ $# -gt 0 ]; do
    case "$1" in
        --cache-dir) [ $# -ge 2 ] || die "--cache-dir needs a value"; cache_root="$2"; shift 2 ;;
        --rebuild) rebuild=1; shift ;;
        --cached) cached_only=1; shift ;;
        -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 0 ;;
        *) die "unknown argument: $1 (try --help)" ;;
    esac
done

# "name version" of the first installed package matching a dpkg glob, or nothing.
installed() {
    { dpkg-query -W -f='${db:Status-Status} ${Package} ${Version}\n' "$@" 2>/dev/null || true; } \
        | awk '$1 == "installed" && !found { print $2 " " $3; found = 1 }'
}

# The cache key: one folder per (frr, libgrpc++, libprotobuf) triple; '~' and '+' kept out of the path.
cache_key() {
    local frr grpc pb
    frr="$(installed frr | cut -d' ' -f2)"
    grpc="$(installed 'libgrpc++[0-9]*' | cut -d' ' -f2)"
    pb="$(installed 'libprotobuf[0-9]*' | cut -d' ' -f2)"
    [ -n "$frr" ] && [ -n "$grpc" ] && [ -n "$pb" ] || return 1
    echo "frr-${frr}_grpc-${grpc}_protobuf-${pb}" | tr '~+:' '___'
}

# Fast path, lock-free: a complete cache folder is only ever created by an atomic rename.
if [ "$rebuild" = 0 ] && key="$(cache_key)" && [ -f "$cache_root/$key/grpc.so" ]; then
    echo "$cache_root/$key/grpc.so"
    exit 0
fi
[ "$cached_only" = 0 ] || exit 3

command -v dpkg-query >/dev/null 2>&1 || die "not a Debian system (no dpkg-query)"
frr_version="$(installed frr | cut -d' ' -f2)"
[ -n "$frr_version" ] || die "the frr package is not installed (apt-get install frr)"
[ "$(id -u)" = 0 ] || die "a cold build installs build dependencies with apt-get and needs root"
command -v flock >/dev/null 2>&1 || die "flock (util-linux) is needed"

mkdir -p "$cache_root"
# One machine-wide lock: builds also share apt and the temporary deb-src entry, whatever their cache folder.
lock=/run/lock/openvni-frr-grpc-module.lock
exec 9>"$lock"
if ! flock -n 9; then
    log "another build holds $lock; waiting for it (at most 20 min)"
    flock -w 1200 9 || die "timed out waiting for $lock"
fi
# The other run may have built exactly what we need.
if [ "$rebuild" = 0 ] && key="$(cache_key)" && [ -f "$cache_root/$key/grpc.so" ]; then
    echo "$cache_root/$key/grpc.so"
    exit 0
fi

# A pyenv or venv python earlier in PATH breaks FRR's configure; use the system's tools only.
export PATH=/usr/sbin:/usr/bin:/sbin:/bin PYTHON=/usr/bin/python3 DEBIAN_FRONTEND=noninteractive LC_ALL=C

work="$(mktemp -d /tmp/frr-grpc-build.XXXXXX)"
src_list=/etc/apt/sources.list.d/openvni-frr-grpc-src.sources
cleanup() {
    local rc=$?
    rm -rf "$work"
    if [ -f "$src_list" ]; then
        rm -f "$src_list"
        # Forget the source indexes again so the machine's apt state is as we found it.
        apt-get update -qq >/dev/null 2>&1 || log "warning: apt-get update after removing $src_list failed"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log "building the grpc module for frr $frr_version in $work (about 1-3 minutes)"
# Debian's own archive (and its security archive) as temporary deb-src entries, signed like the deb entries.
cat >"$src_list" <<'EOF'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
codename="$(. /etc/os-release && echo "${VERSION_CODENAME:-}")"
[ "$codename" = bookworm ] || sed -i "s/bookworm/${codename:?cannot tell the Debian release}/g" "$src_list"

apt-get update -qq >&2 || die "apt-get update with the deb-src entries failed"
apt-get build-dep -y -qq frr >&2 || die "apt-get build-dep frr failed"
apt-get install -y -qq --no-install-recommends libgrpc++-dev libprotobuf-dev protobuf-compiler-grpc chrpath dpkg-dev >&2 \
    || die "installing libgrpc++-dev libprotobuf-dev protobuf-compiler-grpc chrpath failed"

# apt-get source as root downloads unsandboxed unless _apt can write here.
chmod 755 "$work"
chown _apt "$work" 2>/dev/null || true
(cd "$work" && apt-get source -qq "frr=$frr_version" >&2) \
    || die "Debian's archive has no source for frr=$frr_version (is the installed frr from Debian?)"
srcdir="$(find "$work" -mindepth 1 -maxdepth 1 -type d -name 'frr-*' | head -n1)"
[ -n "$srcdir" ] || die "apt-get source unpacked no frr-* folder in $work"

# Configure exactly as debian/rules' override_dh_auto_configure does, plus --enable-grpc. A dh_auto_configure shim
# first in PATH appends the two options, so Debian's flag list is used as is rather than copied here.
mkdir -p "$work/shim"
cat >"$work/shim/dh_auto_configure" <<'EOF'
#!/bin/sh
exec /usr/bin/dh_auto_configure -Bbuild "$@" --enable-grpc
EOF
chmod +x "$work/shim/dh_auto_configure"
DEB_HOST_MULTIARCH="$(dpkg-architecture -qDEB_HOST_MULTIARCH)"
export DEB_HOST_MULTIARCH DEB_BUILD_MAINT_OPTIONS=hardening=+all DH_VERBOSE=0 DEB_BUILD_OPTIONS=terse
# FRR's configure pins C++11 (CXX='g++ -std=gnu++11'); Debian 13's abseil headers, which gRPC pulls in, need C++17
# (constexpr bodies). CXXFLAGS comes after CXX on every compile line, so this wins; Debian 12's build takes it too.
# Through dpkg-buildflags: debhelper computes CXXFLAGS anew from it, ignoring the environment's
export DEB_CXXFLAGS_APPEND=-std=gnu++17
eval "$(dpkg-buildflags --export=sh)"
(
    cd "$srcdir"
    dh_autoreconf >"$work/autoreconf.log" 2>&1 || { tail -n 30 "$work/autoreconf.log" >&2; exit 1; }
    PATH="$work/shim:$PATH" debian/rules override_dh_auto_configure >"$work/configure.log" 2>&1 \
        || { tail -n 30 "$work/configure.log" >&2; exit 1; }
    grep -q '^#define HAVE_GRPC' build/config.h 2>/dev/null || { echo "configure did not enable grpc" >&2; exit 1; }
    # automake makes BUILT_SOURCES (FRR 10: generated headers such as lib/mgmt.pb-c.h) first only for `make all`;
    # for the one target here they are made first by name
    # shellcheck disable=SC2016 # make expands it
    printf 'include Makefile\nopenvni-built-sources:\n\t@echo $(BUILT_SOURCES)\n' >"$work/built.mk"
    read -ra built < <(make -C build -s --no-print-directory -f "$work/built.mk" openvni-built-sources 2>/dev/null) || true
    if [ ${#built[@]} -gt 0 ]; then
        make -C build -j2 "${built[@]}" >"$work/make.log" 2>&1 || { tail -n 30 "$work/make.log" >&2; exit 1; }
    fi
    make -C build -j2 lib/grpc.la >>"$work/make.log" 2>&1 || { tail -n 30 "$work/make.log" >&2; exit 1; }
) || {
    rm -rf "$cache_root/last-failed-build"; mkdir -p "$cache_root/last-failed-build"
    cp "$work"/*.log "$srcdir/build/config.log" "$cache_root/last-failed-build/" 2>/dev/null || true
    die "configuring or building FRR's grpc module failed (log tail above; logs in $cache_root/last-failed-build)"
}

# grpc.so finds its protobuf stubs library next to itself.
key="$(cache_key)" || die "cannot tell the installed frr/libgrpc++/libprotobuf versions"
stage="$(mktemp -d "$cache_root/.stage.XXXXXX")"
install -m 0644 "$srcdir/build/lib/.libs/grpc.so" "$stage/grpc.so"
install -m 0644 "$srcdir/build/grpc/.libs/libfrrgrpc_pb.so.0.0.0" "$stage/libfrrgrpc_pb.so.0"
chrpath -r '$ORIGIN' "$stage/grpc.so" >/dev/null || die "chrpath -r on grpc.so failed"
# libfrr comes from the daemon that loads the module; everything else must resolve on its own.
frr_libdir="/usr/lib/$DEB_HOST_MULTIARCH/frr"
if LD_LIBRARY_PATH="$frr_libdir" ldd "$stage/grpc.so" | grep -q 'not found'; then
    LD_LIBRARY_PATH="$frr_libdir" ldd "$stage/grpc.so" | grep 'not found' >&2
    rm -rf "$stage"
    die "grpc.so has unresolved libraries"
fi
printf 'frr=%s\nbuilt=%s\n' "$frr_version" "$(date -u +%FT%TZ)" >"$stage/BUILD-INFO"
# mktemp made it private; the daemons may load the module after dropping to the frr user.
chmod 755 "$stage"
rm -rf "${cache_root:?}/$key"
mv "$stage" "$cache_root/$key"
rm -rf "$cache_root/last-failed-build"
log "cached in $cache_root/$key"
echo "$cache_root/$key/grpc.so"
