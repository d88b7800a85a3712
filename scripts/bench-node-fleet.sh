#!/usr/bin/env bash
# Issue 8: how many node routers one controller takes. Starts N real FRR 8.4 node routers (the node lab of
# NodeRouterEndToEndIT: private namespaces, sshd each, one eBGP spine) and a fresh controller, PUTs a fabric of the N
# nodes and a small tenant on all of them, and prints the time until every node is in sync (p50/p99/all), the
# controller's heap after a full GC and RSS per node (against before the fabric), the FRR processes' memory per
# node (zebra + bgpd, and sshd) and where the limit is. Not a test: it asserts nothing.
set -euo pipefail

usage() {
    cat <<'USAGE'
Usage: scripts/bench-node-fleet.sh [--nodes N] [--timeout SECONDS] [--no-build]

  --nodes N          node routers, 1..100 (default 25); node1's zebra serves FRR's northbound gRPC where
                     scripts/frr-grpc-module.sh can build it, the others run vtysh only
  --timeout SECONDS  per wait (all in sync after the fabric, after the tenant); default 60 + 3N
  --no-build         use the benchmark and the distribution as last built

Needs root (namespaces, FRR, sshd), Debian's frr, openssh-server and iproute2. The controller this script starts
runs fresh from benchmarks/target/bench-node-fleet/controller and is stopped at the end, as are the nodes; it waits
for /tmp/openvni-controller.lock (tests elsewhere), and the benchmark waits while another node lab holds the
management net 10.99.0.0/24.
USAGE
}

REPO=$(cd "$(dirname "$0")/.." && pwd)
BENCH=bench-node-fleet
nodes=25 timeout="" build=1
while [ $# -gt 0 ]; do
    case "$1" in
        --nodes) nodes=${2:?--nodes needs a number}; shift ;;
        --timeout) timeout=${2:?--timeout needs seconds}; shift ;;
        --no-build) build=0 ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; echo "$BENCH: unknown argument: $1" >&2; exit 2 ;;
    esac
    shift
done
[[ "$nodes" =~ ^[1-9][0-9]*$ ]] && [ "$nodes" -le 100 ] \
    || { echo "$BENCH: --nodes takes a number from 1 to 100" >&2; exit 2; }

cd "$REPO"
# shellcheck source=bench-lib.sh
source scripts/bench-lib.sh
[ "$(id -u)" = 0 ] || bench_die "needs root (network namespaces, FRR, sshd)"
# shellcheck source=select-jdk.sh
source scripts/select-jdk.sh || exit 1

bench_prepare "$build"
bench_controller_ports_free
bench_controller_start

args=(--nodes "$nodes" --controller-pid "$controller_pid")
[ -n "$timeout" ] && args+=(--timeout "$timeout")
"$JAVA_HOME/bin/java" -cp "$classpath" io.openvni.benchmarks.nodes.NodeFleetBench "${args[@]}"
