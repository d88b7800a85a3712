#!/usr/bin/env bash
# Leaf-scale benchmark: OpenVNI pushing one tenant to N netconf-testtool leaf switches, against the same
# configuration written by hand through N plain ODL mount points, one device after another. Prints a table and
# writes benchmarks/target/bench-leaves-<N>.csv (per device) and -summary.csv. Not a test: it asserts nothing.
set -euo pipefail

usage() {
    cat <<'USAGE'
Usage: scripts/bench-leaves.sh [--leaves N] [--reuse-controller] [--timeout SECONDS] [--testtool-heap SIZE]
                               [--no-build]

  --leaves N           leaf switches (default 200); the testtool simulates 2N devices: ports 17830.. for the
                       fabric, the next N for the baseline's plain mounts
  --reuse-controller   use the controller already listening on 127.0.0.1:8181 instead of starting one; its fabric
                       and tenants are replaced, and the benchmark's own data is deleted at the end
  --timeout SECONDS    per wait (all mounts connected, all devices in sync); default 60 + N
  --testtool-heap SIZE -Xmx of the testtool JVM (default 512m plus 6m per device)
  --no-build           use the benchmark and distribution as last built

Environment: OPENVNI_TESTTOOL_YANG (default ../shared/yang/openconfig-testtool beside the repository),
JAVA_HOME (see scripts/select-jdk.sh). The controller this script starts runs fresh from
benchmarks/target/bench-leaves/controller and is stopped at the end, as is the testtool.
USAGE
}

REPO=$(cd "$(dirname "$0")/.." && pwd)
FIRST_PORT=17830
leaves=200 reuse=0 timeout="" heap="" build=1
while [ $# -gt 0 ]; do
    case "$1" in
        --leaves) leaves=${2:?--leaves needs a number}; shift ;;
        --reuse-controller) reuse=1 ;;
        --no-build) build=0 ;;
        --timeout) timeout=${2:?--timeout needs seconds}; shift ;;
        --testtool-heap) heap=${2:?--testtool-heap needs a size}; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; echo "bench-leaves: unknown argument: $1" >&2; exit 2 ;;
    esac
    shift
done
[[ "$leaves" =~ ^[1-9][0-9]*$ ]] || { echo "bench-leaves: --leaves takes a positive number" >&2; exit 2; }
devices=$((2 * leaves))
heap=${heap:-$((512 + 6 * devices))m}

say() { echo "bench-leaves: $*" >&2; }
die() { say "$*"; exit 1; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
now_ms() { date +%s%3N; }

cd "$REPO"
# shellcheck source=select-jdk.sh
source scripts/select-jdk.sh || exit 1

# The schemas: beside the repository, or beside the main checkout when this is a git worktree
yang=${OPENVNI_TESTTOOL_YANG:-}
if [ -z "$yang" ]; then
    for candidate in "$REPO/../shared/yang/openconfig-testtool" \
            "$(dirname "$(git -C "$REPO" rev-parse --path-format=absolute --git-common-dir 2>/dev/null || echo /nonexistent/.git)")/../shared/yang/openconfig-testtool"; do
        [ -d "$candidate" ] && { yang=$(cd "$candidate" && pwd); break; }
    done
fi
[ -n "$yang" ] && ls "$yang"/openconfig-network-instance@*.yang >/dev/null 2>&1 \
    || die "no netconf-testtool OpenConfig schemas (openconfig-network-instance@<revision>.yang) at ${yang:-../shared/yang/openconfig-testtool}; set OPENVNI_TESTTOOL_YANG=DIR"

# Preconditions before anything is built or started
if [ "$reuse" = 1 ]; then
    port_open 8181 || die "--reuse-controller: nothing listens on 127.0.0.1:8181"
elif port_open 8181 || port_open 8101; then
    die "a controller already listens on 127.0.0.1:8181/8101 (someone else's?); wait until it stops, or pass --reuse-controller"
fi
last_port=$((FIRST_PORT + devices - 1))
for port in "$FIRST_PORT" "$last_port"; do
    port_open "$port" && die "port $port is in use; the testtool needs $FIRST_PORT..$last_port"
done

out=$REPO/benchmarks/target/bench-leaves
mkdir -p "$out"
if [ "$build" = 1 ]; then
    say "building the benchmark and the distribution (log: $out/build.log)"
    ./mvnw -B --no-transfer-progress -Pq package -pl benchmarks -am >"$out/build.log" 2>&1 \
        || { tail -n 40 "$out/build.log" >&2; die "build failed; full log: $out/build.log"; }
fi
[ -f benchmarks/target/netconf-testtool-executable.jar ] || die "not built yet: run without --no-build"

testtool_pid="" controller_started=0
export OPENVNI_RUN_DIR=$out/controller
cleanup() {
    local rc=$? i
    trap - EXIT INT TERM
    if [ -n "$testtool_pid" ] && kill -0 "$testtool_pid" 2>/dev/null; then
        say "stopping the testtool (pid $testtool_pid)"
        kill -TERM "$testtool_pid" 2>/dev/null || true
        for i in $(seq 1 20); do kill -0 "$testtool_pid" 2>/dev/null || break; sleep 0.5; done
        kill -KILL "$testtool_pid" 2>/dev/null || true
    fi
    if [ "$controller_started" = 1 ]; then
        scripts/openvni-run.sh stop || true
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say "starting $devices testtool devices (ports $FIRST_PORT..$last_port, -Xmx$heap, schemas $yang)"
started=$(now_ms)
"$JAVA_HOME/bin/java" "-Xmx$heap" -jar benchmarks/target/netconf-testtool-executable.jar \
    --device-count "$devices" --starting-port "$FIRST_PORT" --schemas-dir "$yang" --md-sal true \
    --ip 127.0.0.1 >"$out/testtool.log" 2>&1 &
testtool_pid=$!
# the devices open their ports in order: the last one listening means all are up
until ss -Hltn "sport = :$last_port" | grep -q .; do
    kill -0 "$testtool_pid" 2>/dev/null || { tail -n 30 "$out/testtool.log" >&2; die "the testtool exited"; }
    [ $(( $(now_ms) - started )) -gt $((120000 + 500 * devices)) ] && die "the testtool did not open port $last_port; see $out/testtool.log"
    sleep 0.1
done
testtool_ms=$(( $(now_ms) - started ))
testtool_rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$testtool_pid/status")
say "testtool: $devices devices listening after $testtool_ms ms, RSS $testtool_rss MiB"

if [ "$reuse" = 0 ]; then
    controller_started=1
    scripts/openvni-run.sh --background
    controller_pid=$(cat "$OPENVNI_RUN_DIR/karaf/karaf.pid")
    # another controller started at the same moment could hold the fixed ports while ours waits for them
    listener=$(ss -Hltnp "sport = :8181" | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -n 1)
    [ "$listener" = "$controller_pid" ] \
        || die "127.0.0.1:8181 belongs to pid ${listener:-?}, not to the controller just started ($controller_pid)"
else
    controller_pid=$(ss -Hltnp "sport = :8181" | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -n 1)
    [ -n "$controller_pid" ] || say "cannot see the reused controller's pid (another user's process?): no heap or RSS figures"
fi

args=(--leaves "$leaves" --first-port "$FIRST_PORT" --baseline-port $((FIRST_PORT + leaves))
      --controller-pid "${controller_pid:-0}" --csv "$REPO/benchmarks/target/bench-leaves-$leaves")
[ -n "$timeout" ] && args+=(--timeout "$timeout")
[ "$reuse" = 1 ] && args+=(--cleanup)
set +e
"$JAVA_HOME/bin/java" -cp "benchmarks/target/openvni-benchmarks-0.1.0-SNAPSHOT.jar:$(cat benchmarks/target/benchmark.classpath)" \
    io.openvni.benchmarks.leaves.LeafBench "${args[@]}"
rc=$?
set -e
echo "  testtool: $devices devices (2 x $leaves) listening $testtool_ms ms after launch, RSS $testtool_rss MiB at startup" \
     "(now $(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$testtool_pid/status" 2>/dev/null || echo '?') MiB)"
printf 'testtool.devices,%s\ntesttool.startup-ms,%s\ntesttool.rss-startup-mib,%s\n' "$devices" "$testtool_ms" "$testtool_rss" \
    | sed "s/^/$leaves,/" >>"$REPO/benchmarks/target/bench-leaves-$leaves-summary.csv" 2>/dev/null || true
exit "$rc"
