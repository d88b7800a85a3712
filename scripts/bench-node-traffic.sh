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

REPO=$(cd "$(dirname "$0")/.." && pwd)
rounds=5 timeout="" build=1
while [ $# -gt 0 ]; do
    case "$1" in
        --rounds) rounds=${2:?--rounds needs a number}; shift ;;
        --timeout) timeout=${2:?--timeout needs seconds}; shift ;;
        --no-build) build=0 ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; echo "bench-node-traffic: unknown argument: $1" >&2; exit 2 ;;
    esac
    shift
done
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "bench-node-traffic: --rounds takes a positive number" >&2; exit 2; }

say() { echo "bench-node-traffic: $*" >&2; }
die() { say "$*"; exit 1; }

cd "$REPO"
[ "$(id -u)" = 0 ] || die "needs root (network namespaces, FRR, sshd)"
[ -x /usr/lib/frr/frr-reload.py ] || die "no /usr/lib/frr/frr-reload.py (apt-get install frr-pythontools)"
# shellcheck source=select-jdk.sh
source scripts/select-jdk.sh || exit 1

out=$REPO/benchmarks/target/bench-node-traffic
mkdir -p "$out"
if [ "$build" = 1 ]; then
    say "building the benchmark and the distribution (log: $out/build.log)"
    ./mvnw -B -o -q package -pl benchmarks,karaf-dist/distribution -am -DskipTests -Pq >"$out/build.log" 2>&1 \
        || { tail -n 40 "$out/build.log" >&2; die "build failed; full log: $out/build.log"; }
fi
[ -f benchmarks/target/benchmark.classpath ] || die "not built yet: run without --no-build"

controller_started=0
export OPENVNI_RUN_DIR=$out/controller
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if [ "$controller_started" = 1 ]; then
        scripts/openvni-run.sh stop || true
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

controller_started=1
# it refuses to come up when another program holds 127.0.0.1:8181, so the benchmark talks to this controller
scripts/openvni-run.sh --background

args=(--rounds "$rounds" --csv "$REPO/benchmarks/target/bench-node-traffic.csv")
[ -n "$timeout" ] && args+=(--timeout "$timeout")
"$JAVA_HOME/bin/java" -cp "benchmarks/target/openvni-benchmarks-0.1.0-SNAPSHOT.jar:$(cat benchmarks/target/benchmark.classpath)" \
    io.openvni.benchmarks.nodes.NodeTrafficBench "${args[@]}"
