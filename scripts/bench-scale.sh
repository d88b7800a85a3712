#!/usr/bin/env bash
# Tenant-size benchmark: one tenant with 100, 1,000 and 4,000 routed networks pushed to a fabric of one device, for
# each of a netconfd leaf (the integration tests' yuma123 simulator), a netconf-testtool leaf and an FRR node router
# (the node lab of bench-node-traffic.sh): time from the tenant PUT to in-sync, per network, the controller's CPU
# and heap (peak and after GC), and the tenant's removal. Prints a table and writes benchmarks/target/bench-scale.csv.
# Not a test: it asserts nothing.
set -euo pipefail

usage() {
    cat <<'USAGE'
Usage: scripts/bench-scale.sh [--networks N[,N...]] [--vrfs V] [--targets T[,T...]] [--timeout SECONDS] [--no-build]

  --networks N,...   tenant sizes, each pushed and removed in turn (default 100,1000,4000)
  --vrfs V           the tenant's networks spread over V VRFs in turn (default 1)
  --targets T,...    netconfd, testtool, frr, in this order (default all three)
  --timeout SECONDS  per push and per removal; default 120 + 1 per 5 networks
  --no-build         use the benchmark and the distribution as last built

Needs root for netconfd (Debian netconfd, openssh-server) and frr (frr, openssh-server, iproute2). The controller
this script starts runs fresh from benchmarks/target/bench-scale/controller (it waits for
/tmp/openvni-controller.lock) and is stopped at the end, as is the testtool (one device on port 17830;
OPENVNI_TESTTOOL_YANG as for bench-leaves.sh; OPENVNI_SIM_YANG, the netconfd set, as for openvni-run.sh). The FRR
target waits while another node lab holds 10.99.0.0/24.
USAGE
}

TESTTOOL_PORT=17830
# shellcheck source=bench-lib.sh
source "$(dirname "$0")/bench-lib.sh"
networks=100,1000,4000 vrfs=1 targets=netconfd,testtool,frr timeout="" build=1
while [ $# -gt 0 ]; do
    case "$1" in
        --networks) networks=${2:?--networks needs sizes}; shift ;;
        --targets) targets=${2:?--targets needs names}; shift ;;
        --vrfs) vrfs=${2:?--vrfs needs a number}; shift ;;
        *) bench_common_option bench-scale "$@"; shift $((bench_shift - 1)) ;;
    esac
    shift
done
[[ "$networks" =~ ^[1-9][0-9]*(,[1-9][0-9]*)*$ ]] || { echo "bench-scale: --networks takes sizes: 100,1000" >&2; exit 2; }
[[ "$vrfs" =~ ^[1-9][0-9]*$ ]] || { echo "bench-scale: --vrfs takes a positive number" >&2; exit 2; }
[[ ",$targets," =~ ^(,(netconfd|testtool|frr))+,$ ]] \
    || { echo "bench-scale: --targets takes netconfd, testtool, frr" >&2; exit 2; }

bench_init bench-scale
if [[ ",$targets," =~ ,(netconfd|frr), ]] && [ "$(id -u)" != 0 ]; then
    bench_die "the netconfd and frr targets need root (simulator user, sshd, namespaces); or pass --targets testtool"
fi

bench_prepare "$build"

if [[ ",$targets," == *,testtool,* ]]; then
    bench_testtool_start 1 "$TESTTOOL_PORT" 1g "$(bench_testtool_yang)" "$out/testtool.log"
fi
bench_controller_ports_free
bench_controller_start

args=(--networks "$networks" --vrfs "$vrfs" --targets "$targets" --testtool-port "$TESTTOOL_PORT" --controller-pid "$controller_pid"
      --csv "$REPO/benchmarks/target/bench-scale.csv")
[ -n "$timeout" ] && args+=(--timeout "$timeout")
sim_yang=()
[ -n "${OPENVNI_SIM_YANG:-}" ] && sim_yang=("-Dopenvni.sim.yang=$OPENVNI_SIM_YANG")
"$JAVA_HOME/bin/java" "${sim_yang[@]}" -cp "$classpath" io.openvni.benchmarks.scale.ScaleBench "${args[@]}"
