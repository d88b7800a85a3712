#!/usr/bin/env bash
# Runs one of the README's two commands on a fresh Debian machine made on the spot, and times it: a debootstrap
# root file system, entered in new mount, PID, UTS and network namespaces (its ports, netns names and daemons cannot
# meet the host's), with internet through a veth pair and NAT. A developer tool, not part of any test run.
#
# Usage: scripts/fresh-machine.sh bookworm|trixie demo|tests [--keep] [--branch B] [--timeout MIN]
#   demo      scripts/openvni-run.sh --demo until it prints the pods' ping across VXLAN, then ... stop
#   tests     OPENVNI_REQUIRE_LABS=1 scripts/test.sh (as .ci/run)
#   --keep    leave the machine's files (the clone, ~/.m2, logs) in the work folder it names
#   --branch  the committed branch to clone (default: the current one); uncommitted changes are not in it
#   --timeout the whole run's bound in minutes (default 90 for demo, 240 for tests)
# The machine is this workplace's kind (java-maven, "On a new machine"), minus what OpenVNI's set-up must bring:
# minbase Debian with git and ca-certificates; bookworm also OpenJDK 17 and the host's Temurin 25 under
# /usr/lib/jvm (part of the machine image there); trixie no JDK at all; both the host's own CA certificates (this
# workplace's TLS egress). No netconfd, FRR, sshd or Maven; ~/.m2 and ~/.cache start empty. The image is cached
# in /var/cache/openvni-fresh/<release>; every run works on a copy. Needs root, debootstrap and nftables
# (installed with apt-get when missing), and ../shared beside the repository.
set -euo pipefail

say() { echo "fresh-machine: $*" >&2; }
die() { say "error: $*"; exit 1; }
usage() { sed -n '6,11p' "$0" | sed 's/^# \{0,1\}//' >&2; }

release='' what='' keep=0 branch='' minutes=''
while [ $# -gt 0 ]; do
    case "$1" in
        bookworm|trixie) release=$1 ;;
        demo|tests) what=$1 ;;
        --keep) keep=1 ;;
        --branch) [ $# -ge 2 ] || die "--branch needs a value"; branch=$2; shift ;;
        --timeout) [ $# -ge 2 ] || die "--timeout needs minutes"; minutes=$2; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage; die "unknown argument: $1" ;;
    esac
    shift
done
if [ -z "$release" ] || [ -z "$what" ]; then usage; die "say which release (bookworm|trixie) and what (demo|tests)"; fi
[ "$what" = demo ] && minutes=${minutes:-90}
minutes=${minutes:-240}

REPO=$(cd "$(dirname "$0")/.." && pwd)
branch=${branch:-$(git -C "$REPO" symbolic-ref --short HEAD 2>/dev/null)} || die "detached HEAD: name a --branch"
git -C "$REPO" rev-parse -q --verify "refs/heads/$branch" >/dev/null || die "no branch $branch in $REPO"
[ "$(id -u)" = 0 ] || die "needs root (debootstrap, namespaces, veth, nftables): sudo $0 $*"
SHARED=$(readlink -f "$REPO/../shared" || true)
[ -d "${SHARED:-/nonexistent}/yang" ] \
    || die "no shared folder at $REPO/../shared (the OpenConfig YANG set of the demo's leaves); it must be beside" \
        "the repository"

apt_host() { DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 -qq "$@" >&2; }
for tool in debootstrap:debootstrap nft:nftables; do
    command -v "${tool%%:*}" >/dev/null 2>&1 && continue
    say "installing ${tool#*:} on the host with apt-get"
    { apt_host update && apt_host install -y --no-install-recommends "${tool#*:}"; } \
        || die "cannot install ${tool#*:} (apt-get above); install it by hand"
done
case "$release" in
    bookworm) machine_packages="git ca-certificates openjdk-17-jdk-headless" jdk=/usr/lib/jvm/temurin-25-jdk-amd64
              [ -x "$jdk/bin/javac" ] || die "no $jdk on the host to copy (machines of this kind have it)" ;;
    trixie) machine_packages="git ca-certificates" jdk= ;;
esac

CACHE=/var/cache/openvni-fresh/$release
MIRROR=http://deb.debian.org/debian
NS=openvni-fresh HOST_IF=vfresh-h PEER_IF=vfresh-n NET=100.127.253 # a /30 no lab of OpenVNI's uses
mkdir -p "$CACHE"
# one run at a time: the namespace, veth and nft table have fixed names
exec 8>/run/lock/openvni-fresh-machine.lock
flock -n 8 || die "another fresh-machine run holds /run/lock/openvni-fresh-machine.lock"
WORK=$(mktemp -d /var/tmp/openvni-fresh.XXXXXX)
forward_before=$(cat /proc/sys/net/ipv4/ip_forward)
child=

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    [ -n "$child" ] && kill -TERM "$child" 2>/dev/null && sleep 2 # unshare --kill-child takes its PID namespace along
    ip netns del "$NS" 2>/dev/null || true
    ip link del "$HOST_IF" 2>/dev/null || true
    nft delete table ip openvni_fresh 2>/dev/null || true
    echo "$forward_before" >/proc/sys/net/ipv4/ip_forward
    if [ "$keep" = 1 ]; then
        say "kept: $WORK/root (the clone is in $WORK/root/root/openvni)"
    elif grep -q " $WORK" /proc/self/mountinfo; then
        say "something is still mounted under $WORK: left in place"
    else
        rm -rf "$WORK"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The network: a named namespace (only its handle lives on the host) behind a veth pair, masqueraded to the world
ip netns add "$NS"
ip link add "$HOST_IF" type veth peer name "$PEER_IF"
ip link set "$PEER_IF" netns "$NS"
ip addr add "$NET.1/30" dev "$HOST_IF"
ip link set "$HOST_IF" up
# the machine's link is as wide as the host's own way out (1400 here)
mtu=$(cat "/sys/class/net/$(ip route show default | awk '{print $5; exit}')/mtu" 2>/dev/null || echo 1500)
ip link set "$HOST_IF" mtu "$mtu"
ip -n "$NS" link set "$PEER_IF" mtu "$mtu"
ip -n "$NS" link set "$PEER_IF" name eth0
ip -n "$NS" addr add "$NET.2/30" dev eth0
ip -n "$NS" link set eth0 up
ip -n "$NS" link set lo up
ip -n "$NS" route add default via "$NET.1"
nft -f - <<EOF || die "nftables could not add the NAT for the machine"
table ip openvni_fresh {
    chain postrouting {
        type nat hook postrouting priority srcnat; policy accept;
        ip saddr $NET.0/30 oifname != "$HOST_IF" masquerade
    }
}
EOF
echo 1 >/proc/sys/net/ipv4/ip_forward

# machine ROOT CMD: runs CMD (a bash script) as root inside ROOT, in the namespaces; its exit code
machine() {
    local root=$1 script=$2
    cp /etc/resolv.conf "$root/etc/resolv.conf"
    printf '%s\n' "$script" >"$root/root/.fresh-step.sh"
    # PID 1 of the new PID namespace mounts the machine's own /proc, /sys, /dev, /run and /tmp, then becomes its
    # shell; when the unshare process ends (timeout, Ctrl-C), --kill-child ends that PID 1 and with it every
    # process of the machine
    # shellcheck disable=SC2016 # the script below expands in the new namespaces, from its arguments
    timeout --kill-after=30 "$((minutes * 60))" ip netns exec "$NS" \
        unshare --mount --uts --pid --fork --kill-child --propagation private -- bash -euc '
            r=$1 shared=$2
            hostname "fresh-$3"
            # its / a mount point, as on a machine: `unshare --mount` (the labs) makes / private, EINVAL otherwise
            mount --bind "$r" "$r"
            mount -t proc proc "$r/proc"
            mount -t sysfs sysfs "$r/sys"
            mount -t tmpfs -o mode=755,size=64m dev "$r/dev"
            for d in null:1:3 zero:1:5 full:1:7 random:1:8 urandom:1:9 tty:5:0 net/tun:10:200; do
                mkdir -p "$(dirname "$r/dev/${d%%:*}")"
                IFS=: read -r n ma mi <<<"$d"; mknod -m 666 "$r/dev/$n" c "$ma" "$mi"
            done
            mkdir -p "$r/dev/pts" "$r/dev/shm"
            mount -t devpts -o newinstance,ptmxmode=0666,mode=620 devpts "$r/dev/pts"
            ln -s pts/ptmx "$r/dev/ptmx"
            ln -s /proc/self/fd "$r/dev/fd"
            for i in 0:stdin 1:stdout 2:stderr; do ln -s "/proc/self/fd/${i%%:*}" "$r/dev/${i#*:}"; done
            mount -t tmpfs shm "$r/dev/shm"
            mount -t tmpfs -o mode=755 run "$r/run"
            mkdir -p "$r/run/lock"
            mount -t tmpfs -o mode=1777 tmp "$r/tmp"
            mkdir -p "$r/root/shared"
            mount --bind "$shared" "$r/root/shared"
            mount -o remount,bind,ro "$r/root/shared"
            # pivot_root, not chroot: nsenter -m (the labs) enters a mount namespace at its root, which after a
            # chroot would still be the root of the host
            cd "$r" && mkdir -p .oldroot && pivot_root . .oldroot
            exec /usr/bin/env -i HOME=/root TERM=dumb LANG=C.UTF-8 \
                PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
                bash -c "umount -l /.oldroot && rmdir /.oldroot && cd /root && exec bash -eu /root/.fresh-step.sh"
        ' fresh "$root" "$SHARED" "$release" &
    child=$!
    wait "$child"
}

# The machine image, once: debootstrap, this kind's packages and (bookworm) its Temurin 25
if [ ! -f "$CACHE/image.tar" ]; then
    say "making the $release image (debootstrap; once, cached in $CACHE)"
    t=$SECONDS
    debootstrap --variant=minbase "$release" "$WORK/image" "$MIRROR" >"$CACHE/debootstrap.log" 2>&1 \
        || die "debootstrap failed (is $MIRROR reachable?); see $CACHE/debootstrap.log"
    # what a Debian machine's apt reads: the release, its updates and its security archive
    cat >"$WORK/image/etc/apt/sources.list.d/debian.sources" <<EOF
Types: deb
URIs: $MIRROR
Suites: $release $release-updates
Components: main

Types: deb
URIs: http://deb.debian.org/debian-security
Suites: $release-security
Components: main
EOF
    rm -f "$WORK/image/etc/apt/sources.list"
    printf 'fresh-%s\n' "$release" >"$WORK/image/etc/hostname"
    printf '127.0.0.1 localhost\n127.0.1.1 fresh-%s\n::1 localhost ip6-localhost ip6-loopback\n' "$release" \
        >"$WORK/image/etc/hosts"
    # this workplace's machines trust its TLS egress proxy's CA (Maven Central over HTTPS fails without it)
    mkdir -p "$WORK/image/usr/local/share/ca-certificates"
    cp /usr/local/share/ca-certificates/*.crt "$WORK/image/usr/local/share/ca-certificates/" 2>/dev/null || true
    if [ -n "$jdk" ]; then
        mkdir -p "$WORK/image/usr/lib/jvm"
        cp -a "$jdk" "$WORK/image/usr/lib/jvm/"
    fi
    machine "$WORK/image" "export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq && apt-get install -y -qq --no-install-recommends $machine_packages >/dev/null
        update-ca-certificates >/dev/null; apt-get clean; rm -rf /var/lib/apt/lists/*" >"$CACHE/image.log" 2>&1 \
        || die "installing the machine's packages failed; see $CACHE/image.log"
    child=
    tar -C "$WORK/image" -cf "$CACHE/image.tar.part" . && mv "$CACHE/image.tar.part" "$CACHE/image.tar"
    rm -rf "$WORK/image"
    say "image made in $((SECONDS - t)) s"
fi

t=$SECONDS
mkdir "$WORK/root"
tar -C "$WORK/root" -xf "$CACHE/image.tar"
git -C "$REPO" bundle create -q "$WORK/root/root/openvni.bundle" "refs/heads/$branch"
commit=$(git -C "$REPO" rev-parse --short "refs/heads/$branch")
say "fresh $release machine ready in $((SECONDS - t)) s; cloning $branch ($commit) and running the $what there" \
    "(bounded at $minutes min; log: $CACHE/$what.log)"

# Inside: clone, then the README's command with every output line stamped with its second since the start
machine "$WORK/root" "$(cat <<EOF
git clone -q -b '$branch' /root/openvni.bundle /root/openvni && cd /root/openvni
T0=\$EPOCHSECONDS LOG=/root/fresh.log
stamp() { local l; while IFS= read -r l; do printf '%5d %s\n' \$((EPOCHSECONDS - T0)) "\$l"; done; }
if [ $what = demo ]; then
    (scripts/openvni-run.sh --demo 2>&1 | stamp >\$LOG) &
    demo=\$!
    # the ping line (or why there is none) comes before the controller's summary
    until grep -qsE 'across VXLAN:|controller is running' \$LOG; do
        kill -0 \$demo 2>/dev/null || break
        sleep 5
    done
    scripts/openvni-run.sh stop 2>&1 | stamp >>\$LOG
    wait || true
    grep -q 'across VXLAN: yes' \$LOG && echo PASS >/root/fresh.result || echo FAIL >/root/fresh.result
else
    # pipefail: the run's status is the test command's, not the time stamper's (a run with 20 failed tests once
    # read PASS)
    rc=0; set -o pipefail; OPENVNI_REQUIRE_LABS=1 scripts/test.sh 2>&1 | stamp >\$LOG || rc=\$?
    [ \$rc = 0 ] && echo PASS >/root/fresh.result || echo "FAIL (exit \$rc)" >/root/fresh.result
fi
echo \$((EPOCHSECONDS - T0)) >/root/fresh.total
EOF
)" || say "the machine's run ended with exit $? (timeout: 124 or 137)"
child=

log=$WORK/root/root/fresh.log
cp "$log" "$CACHE/$what.log" 2>/dev/null || die "the run left no log"
mkdir -p "$CACHE/$what-run"
cp "$WORK/root/root/openvni/target/run/"*.log "$CACHE/$what-run/" 2>/dev/null || true
setup_done=$(sed -n 's/^ *\([0-9]*\) setup: ready.*/\1/p' "$log" | head -1)
echo "== $release $what, $branch ($commit) =="
echo "set-up installed:"
grep -E '^ *[0-9]+ (setup: (installing|building)|select-jdk: installing)' "$log" | sed 's/^ */  /' || echo "  nothing"
echo "set-up time: ${setup_done:-not reached} s"
if [ "$what" = demo ]; then
    grep -E '^ *[0-9]+ openvni: (building|starting|ready after)' "$log" | sed 's/^ */  /' || true
    grep -m1 -E 'across VXLAN: ' "$log" | sed 's/^ */  ping at /' || echo "  no ping line"
else
    tail -n 1 "$log" | sed 's/^ */  last line at /'
fi
echo "total time: $(cat "$WORK/root/root/fresh.total" 2>/dev/null || echo '?') s (log: $CACHE/$what.log)"
result=$(cat "$WORK/root/root/fresh.result" 2>/dev/null || echo "FAIL (no result: timed out?)")
echo "result: $result"
[ "$result" = PASS ]
