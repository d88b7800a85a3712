#!/usr/bin/env bash
# Issue 4: the time from a RESTCONF write to traffic flowing for a new network on 2 node routers (real FRR 8.4 in a
# NodeLab), against a script-based baseline (iproute2 + frr-reload.py, no controller) doing the same. Prints a
# table with medians and ratios and writes benchmarks/target/bench-node-traffic.csv. Not a test: it asserts nothing.
set -euo pipefail

usage() {
    cat <<'USAGE'
Usage: scripts/bench-node-traffic.sh [--rounds N] [--timeout SECONDS] [--no-build]

  --rounds N         rounds of (OpenVNI, baseline), each with a new L2 VNI (default 5)
  --timeout SECONDS  per wait of a round (devices, in-sync, first ping); default 90
  --no-build         use the benchmark and the distribution as last built

Needs root (the node lab's namespaces, FRR, sshd), Debian's frr, frr-pythontools, openssh-server, iproute2 and
iputils-ping. The controller this script starts runs fresh from benchmarks/target/bench-node-traffic/controller and
is stopped at the end; it waits for /tmp/openvni-controller.lock (tests elsewhere), and the benchmark waits while
another node lab holds the management net 10.99.0.0/24.
USAGE
}

# shellcheck source=bench-lib.sh
source "$(dirname "$0")/bench-lib.sh"
rounds=5 timeout="" build=1
while [ $# -gt 0 ]; do
    case "$1" in
        --rounds) rounds=${2:?--rounds needs a number}; shift ;;
        *) bench_common_option bench-node-traffic "$@"; shift $((bench_shift - 1)) ;;
    esac
    shift
done
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "bench-node-traffic: --rounds takes a positive number" >&2; exit 2; }

bench_init bench-node-traffic
[ "$(id -u)" = 0 ] || bench_die "needs root (network namespaces, FRR, sshd)"
[ -x /usr/lib/frr/frr-reload.py ] || bench_die "no /usr/lib/frr/frr-reload.py (apt-get install frr-pythontools)"

bench_prepare "$build"
# it refuses to come up when another program holds 127.0.0.1:8181, so the benchmark talks to this controller
bench_controller_start

args=(--rounds "$rounds" --csv "$REPO/benchmarks/target/bench-node-traffic.csv")
[ -n "$timeout" ] && args+=(--timeout "$timeout")
"$JAVA_HOME/bin/java" -cp "$classpath" io.openvni.benchmarks.nodes.NodeTrafficBench "${args[@]}"
