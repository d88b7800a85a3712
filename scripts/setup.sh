#!/usr/bin/env bash
# Sets this machine up for the controller, the demo or the tests: Debian packages, a JDK 21+ (select-jdk.sh) and
# FRR's northbound gRPC module (frr-grpc-module.sh). scripts/openvni-run.sh and scripts/test.sh run it first, so
# their README commands set up what they need; `.ci/run` gets it through scripts/test.sh. What is in place already
# is kept: on a machine that has everything it takes about a second and installs nothing.
#
# Usage: scripts/setup.sh controller|demo|tests [--no-grpc] [--dry-run] [--rerun "COMMAND"]
#   controller  a JDK 21+, curl and the tools of scripts/openvni-run.sh (iproute2, procps, tar)
#   demo        also the demo's devices: netconfd and openssh-server (the simulated leaf switches),
#               frr and iputils-ping (the node routers and their pods), python3-ncclient (leaf-config); and
#               FRR's northbound gRPC module for node1, built once from Debian's frr source package (4-13 minutes
#               on a cold machine, then cached in ~/.cache/openvni)
#   tests       the demo's set, plus libyang2-tools (yanglint), frr-pythontools, prometheus, and chromium with
#               chromium-driver (the OpenAPI explorer in a headless browser) for the tests' own checks
#   --no-grpc   skip the gRPC module: node1 runs vtysh only, the gRPC tests are skipped
#   --dry-run   say what would be installed or built, and change nothing
#   --rerun     the command to name in messages (what the user ran), e.g. "scripts/test.sh"
# Installing needs root on Debian 12 or 13; the demo and the tests need root anyway (network namespaces, FRR,
# sshd). Packages may not start their services while they are installed (a temporary /usr/sbin/policy-rc.d).
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
say() { echo "setup: $*" >&2; }
die() { say "$*"; exit 1; }
usage() { sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//' >&2; }

# What each target installs; "a|b": the first of the names the release knows
CONTROLLER_PACKAGES=(ca-certificates curl tar gzip procps iproute2)
DEMO_PACKAGES=(netconfd openssh-server frr iputils-ping python3-ncclient)
TEST_PACKAGES=("libyang2-tools|libyang3-tools" frr-pythontools prometheus chromium chromium-driver)
POLICY=/usr/sbin/policy-rc.d
declare -A WHY=(
    [ca-certificates]="Maven downloads" [curl]="RESTCONF calls" [tar]="the distribution" [gzip]="the distribution"
    [procps]="process checks" [iproute2]="ports and namespaces"
    [netconfd]="simulated leaf switches" [openssh-server]="the devices' SSH" [frr]="node routers"
    [iputils-ping]="pod pings" [python3-ncclient]="NETCONF test client"
    [libyang2-tools]="yanglint checks" [libyang3-tools]="yanglint checks" [frr-pythontools]="FRR config checks"
    [prometheus]="scraping the metrics endpoint" [chromium]="the OpenAPI explorer in a browser"
    [chromium-driver]="driving that browser"
)

target= no_grpc=0 dry_run=0 rerun=
while [ $# -gt 0 ]; do
    case "$1" in
        controller|demo|tests) target=$1 ;;
        --no-grpc) no_grpc=1 ;;
        --dry-run) dry_run=1 ;;
        --rerun) [ $# -ge 2 ] || die "--rerun needs a value"; rerun=$2; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage; die "unknown argument: $1" ;;
    esac
    shift
done
[ -n "$target" ] || { usage; die "say what to set up: controller, demo or tests"; }
rerun=${rerun:-scripts/setup.sh $target}

packages=("${CONTROLLER_PACKAGES[@]}")
case "$target" in
    demo) packages+=("${DEMO_PACKAGES[@]}") ;;
    tests) packages+=("${DEMO_PACKAGES[@]}" "${TEST_PACKAGES[@]}") ;;
esac
grpc=0
[ "$target" != controller ] && [ "$no_grpc" = 0 ] && grpc=1

# The packages to install: for "a|b" entries none of which is installed, the first name apt knows
missing_packages() {
    local entry name pick installed
    # one dpkg-query for all: each call costs a noticeable fraction of a second on a busy machine
    installed=" $({ dpkg-query -W -f='${db:Status-Status}:${Package} ' ${packages[*]//|/ } 2>/dev/null || true; } \
        | tr ' ' '\n' | sed -n 's/^installed://p' | tr '\n' ' ') "
    for entry in "${packages[@]}"; do
        pick=
        for name in ${entry//|/ }; do
            case "$installed" in *" $name "*) continue 2 ;; esac
            [ -z "$pick" ] && apt-cache show "$name" >/dev/null 2>&1 && pick=$name
        done
        echo "${pick:-${entry%%|*}}"
    done
}

# Debian 12 or 13, else the reason why not
platform_problem() {
    local id= version= name=
    [ "$(uname -s)" = Linux ] || { echo "this is $(uname -s), not Linux"; return 0; }
    if [ -r /etc/os-release ]; then
        # shellcheck disable=SC1091
        id=$(. /etc/os-release && echo "${ID:-}")
        version=$(. /etc/os-release && echo "${VERSION_ID:-}")
        name=$(. /etc/os-release && echo "${PRETTY_NAME:-}")
    fi
    command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 \
        || { echo "this is ${name:-an unknown Linux} without apt-get"; return 0; }
    case "$id:$version" in
        debian:12|debian:13) ;;
        *) echo "this is ${name:-an unknown system}, not Debian 12 or 13" ;;
    esac
}

needs_root_message() {
    case "$target" in
        demo) echo "the demo runs its devices (netconfd, FRR, sshd) in network namespaces, which needs root" \
            "(--no-leaves: the controller and the demo data without devices, no root)" ;;
        tests) echo "the tests run netconfd, FRR and sshd in network namespaces, which needs root" \
            "(--no-setup: run as you are; what needs root is skipped and counted)" ;;
        *) echo "installing what is missing needs root" ;;
    esac
}

jdk_home() { (OPENVNI_NO_JDK_INSTALL=1 "$REPO/scripts/select-jdk.sh" 2>/dev/null); }

# apt-get that waits for another apt (say, unattended-upgrades) instead of failing on its lock
apt_get() { DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 "$@"; }

install_packages() {
    local package failed=() list=()
    for package in "$@"; do list+=("$package (${WHY[$package]:-needed})"); done
    say "installing with apt-get ($# packages): $(IFS=,; echo "${list[*]}" | sed 's/,/, /g')"
    apt_get update -qq >&2 || die "apt-get update failed"
    if ! apt_get install -y -qq --no-install-recommends "$@" >/dev/null; then
        # one missing package (names differ between releases) must not keep the others out
        for package in "$@"; do
            apt_get install -y -qq --no-install-recommends "$package" >/dev/null || failed+=("$package")
        done
        [ ${#failed[@]} -eq 0 ] || die "apt-get could not install: ${failed[*]}"
    fi
}

# Packages must not start services while they are installed (FRR and sshd run only inside the demo and the
# tests, privately): a policy-rc.d that refuses, ours only if none was there
policy_ours=0
hold_services() {
    [ -e "$POLICY" ] && return 0
    printf '#!/bin/sh\n# scripts/setup.sh (OpenVNI): no service starts while it installs packages\nexit 101\n' >"$POLICY"
    chmod 755 "$POLICY"
    policy_ours=1
}
release_services() {
    if [ "$policy_ours" = 1 ]; then
        rm -f "$POLICY"
        policy_ours=0
    fi
}
trap release_services EXIT

# What is missing
problem=$(platform_problem)
missing=()
if command -v dpkg-query >/dev/null 2>&1; then
    mapfile -t missing < <(missing_packages)
else
    # no dpkg: nothing to tell what is installed; the user installs by hand and says so with --no-setup
    missing=("${packages[@]}")
fi
jdk=$(jdk_home) || jdk=
jdk_package=
if [ -z "$jdk" ] && [ -z "$problem" ]; then
    # shellcheck source=select-jdk.sh
    jdk_package=$(OPENVNI_NO_JDK_INSTALL=1; source "$REPO/scripts/select-jdk.sh" >/dev/null 2>&1; openvni_jdk_package) \
        || jdk_package=
fi
module=
if [ "$grpc" = 1 ]; then
    module=$("$REPO/scripts/frr-grpc-module.sh" --cached 2>/dev/null) || module=
fi
yang=${OPENVNI_SIM_YANG:-$(dirname "$REPO")/shared/yang/openconfig-netconfd}

todo=()
[ ${#missing[@]} -gt 0 ] && todo+=("Debian packages: ${missing[*]}")
[ -z "$jdk" ] && todo+=("a JDK 21+: ${jdk_package:-none found}")
[ "$grpc" = 1 ] && [ -z "$module" ] && todo+=("FRR's northbound gRPC module (built from Debian's frr source: 4-13 minutes)")

if [ "$dry_run" = 1 ]; then
    [ -n "$problem" ] && say "cannot set up here: $problem"
    if [ ${#todo[@]} -eq 0 ]; then
        say "$target: nothing to install"
    else
        for item in "${todo[@]}"; do say "$target: $([ -n "$problem" ] && echo needs || echo would install) $item"; done
        if [ ${#missing[@]} -gt 0 ]; then
            say "apt-get's plan for the packages (simulated):"
            apt-get install -s --no-install-recommends "${missing[@]}" 2>&1 | grep -E '^(Inst|E:)' | sed 's/^/    /' >&2 || true
        fi
    fi
    [ "$target" != controller ] && [ "$(id -u)" != 0 ] && say "$(needs_root_message) (run: sudo $rerun)"
    [ "$grpc" = 1 ] || [ "$target" = controller ] || say "--no-grpc: node1 runs without FRR's northbound gRPC"
    exit 0
fi

if [ ${#todo[@]} -gt 0 ]; then
    wanted=$(printf '%s; ' "${todo[@]}")
    wanted=${wanted%; }
    [ -z "$problem" ] || die "$problem; automatic set-up covers Debian 12 and 13. Install by hand: $wanted; then run: $rerun --no-setup"
    [ "$(id -u)" = 0 ] || die "$(needs_root_message) (missing: $wanted); run: sudo $rerun"
elif [ "$target" != controller ] && [ "$(id -u)" != 0 ]; then
    die "$(needs_root_message); run: sudo $rerun"
fi

hold_services
if [ ${#missing[@]} -gt 0 ]; then
    install_packages "${missing[@]}"
fi
if [ -z "$jdk" ]; then
    # shellcheck source=select-jdk.sh
    source "$REPO/scripts/select-jdk.sh" >/dev/null || die "no JDK 21 or newer (see above)"
    jdk=$JAVA_HOME
fi
if [ "$grpc" = 1 ] && [ -z "$module" ]; then
    say "building FRR's northbound gRPC module for node1, once (4-13 minutes; skip it with --no-grpc)"
    if ! module=$("$REPO/scripts/frr-grpc-module.sh"); then
        [ "$target" = demo ] || die "building FRR's gRPC module failed (see above); $rerun --no-grpc skips it"
        say "building FRR's gRPC module failed (see above); the demo's node1 runs without gRPC"
        module=
    fi
fi
release_services

[ -f "$yang/openconfig-network-instance.yang" ] || [ "$target" = controller ] \
    || say "warning: no OpenConfig YANG set at $yang (it comes beside the repository, not in it; or set" \
        "OPENVNI_SIM_YANG): the simulated leaf switches cannot start"
summary="JDK $("$REPO/scripts/select-jdk.sh" 2>/dev/null | xargs -r basename)"
case "$target:$grpc" in
    controller:*) ;;
    *:1) summary="$summary, FRR gRPC module ${module:-missing}" ;;
    *:0) summary="$summary, no FRR gRPC module (--no-grpc)" ;;
esac
say "ready for the $target ($summary)"
