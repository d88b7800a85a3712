#!/usr/bin/env bash
# Leaf-scale benchmark: OpenVNI pushing one tenant to N netconf-testtool leaf switches, against the same
# configuration written without a controller by 32 parallel blind NETCONF sessions (ncclient), and through N plain
# ODL mount points one device after another; once per latency profile (direct, and through relays that delay every
# chunk). Prints a table per profile and a summary, and writes benchmarks/target/bench-leaves-<N>-<D>ms.csv (per
# device) and -summary.csv. The leaves speak OpenConfig, or with --dialect srlinux Nokia SR Linux's native models (the
# testtool then loads the SR Linux set, and both baselines push the SR Linux rendering). Not a test: it asserts
# nothing.
set -euo pipefail

usage() {
    cat <<'USAGE'
Usage: scripts/bench-leaves.sh [--leaves N] [--delay-ms D[,D...]] [--dialect openconfig|srlinux]
                               [--reuse-controller] [--timeout SECONDS] [--testtool-heap SIZE] [--no-build]

  --leaves N           leaf switches (default 200); the testtool simulates 2N devices: ports 17830.. for the
                       fabric, the next N for the baselines (the direct client's, then, emptied, the mount points')
  --delay-ms D,...     latency profiles (default 0,5): 0 = the devices' ports as they are; D > 0 = every chunk
                       between the devices and the controller or clients is held D ms in each direction by relays
                       on 127.0.0.1 (ports 27830.., inside the benchmark's JVM). One fresh testtool per profile.
  --dialect D          the leaves' configuration dialect (default openconfig): srlinux = every fabric leaf has
                       dialect srlinux, the testtool serves SR Linux 25.3.1's native models
                       (../shared/yang/srlinux-testtool) and the baselines push the controller's SR Linux preview;
                       CSVs are then named bench-leaves-srlinux-<N>-<D>ms
  --reuse-controller   use the controller already listening on 127.0.0.1:8181 instead of starting one; its fabric
                       and tenants are replaced, and the benchmark's own data is deleted at the end
  --timeout SECONDS    per wait (all mounts connected, all devices in sync); default 60 + N
  --testtool-heap SIZE -Xmx of the testtool JVM (default 512m plus 6m per device)
  --no-build           use the benchmark and distribution as last built

Environment: OPENVNI_TESTTOOL_YANG (default ../shared/yang/openconfig-testtool, with --dialect srlinux
../shared/yang/srlinux-testtool, beside the repository),
OPENVNI_PYTHON (the direct client's Python with ncclient; default /usr/bin/python3), JAVA_HOME (see
scripts/select-jdk.sh). The controller this script starts runs fresh from benchmarks/target/bench-leaves/controller
and is stopped at the end, as is the testtool.
USAGE
}

FIRST_PORT=17830
# shellcheck source=bench-lib.sh
source "$(dirname "$0")/bench-lib.sh"
leaves=200 delays=0,5 dialect=openconfig reuse=0 timeout="" heap="" build=1
while [ $# -gt 0 ]; do
    case "$1" in
        --leaves) leaves=${2:?--leaves needs a number}; shift ;;
        --delay-ms) delays=${2:?--delay-ms needs milliseconds}; shift ;;
        --dialect) dialect=${2:?--dialect needs openconfig or srlinux}; shift ;;
        --reuse-controller) reuse=1 ;;
        --testtool-heap) heap=${2:?--testtool-heap needs a size}; shift ;;
        *) bench_common_option bench-leaves "$@"; shift $((bench_shift - 1)) ;;
    esac
    shift
done
[[ "$leaves" =~ ^[1-9][0-9]*$ ]] || { echo "bench-leaves: --leaves takes a positive number" >&2; exit 2; }
[[ "$delays" =~ ^[0-9]+(,[0-9]+)*$ ]] || { echo "bench-leaves: --delay-ms takes numbers: 0,5" >&2; exit 2; }
case "$dialect" in
    openconfig) name=bench-leaves ;;
    srlinux) name=bench-leaves-srlinux ;;
    *) echo "bench-leaves: --dialect takes openconfig or srlinux" >&2; exit 2 ;;
esac
devices=$((2 * leaves))
heap=${heap:-$((512 + 6 * devices))m}

bench_init bench-leaves
if [ "$dialect" = srlinux ]; then
    shared=$(bench_testtool_yang srlinux-testtool srl_nokia-network-instance)
else
    yang=$(bench_testtool_yang)
fi

# Preconditions before anything is built or started
if [ "$reuse" = 1 ]; then
    bench_port_open 8181 || bench_die "--reuse-controller: nothing listens on 127.0.0.1:8181"
fi

bench_prepare "$build"
if [ "$dialect" = srlinux ]; then
    # the testtool refuses a schemas folder holding anything but YANG files (the shared set has LICENSE, MODULES.txt)
    yang=$out/yang-srlinux
    rm -rf "$yang" && mkdir -p "$yang" && cp "$shared"/*.yang "$yang"/
fi

if [ "$reuse" = 0 ]; then
    bench_controller_ports_free
    bench_controller_start
else
    controller_pid=$(ss -Hltnp "sport = :8181" | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -n 1)
    [ -n "$controller_pid" ] || bench_say "cannot see the reused controller's pid (another user's process?): no heap, RSS or CPU figures"
fi

IFS=, read -r -a profiles <<<"$delays"
rc=0
for i in "${!profiles[@]}"; do
    delay=${profiles[$i]}
    bench_testtool_start "$devices" "$FIRST_PORT" "$heap" "$yang" "$out/testtool-${delay}ms.log"
    csv=$REPO/benchmarks/target/$name-$leaves-${delay}ms
    args=(--leaves "$leaves" --dialect "$dialect" --first-port "$FIRST_PORT" --baseline-port $((FIRST_PORT + leaves))
          --controller-pid "${controller_pid:-0}" --csv "$csv" --delay-ms "$delay" --yang "$yang"
          --python "${OPENVNI_PYTHON:-/usr/bin/python3}")
    [ -n "$timeout" ] && args+=(--timeout "$timeout")
    # the next profile (or the controller's owner) gets the controller back without this profile's data
    if [ "$reuse" = 1 ] || [ "$i" -lt $((${#profiles[@]} - 1)) ]; then
        args+=(--cleanup)
    fi
    set +e
    "$JAVA_HOME/bin/java" -cp "$classpath" io.openvni.benchmarks.leaves.LeafBench "${args[@]}"
    [ $? = 0 ] || rc=1
    set -e
    echo "  testtool: $devices devices (2 x $leaves) listening $testtool_ms ms after launch, RSS $testtool_rss MiB at startup" \
         "(now $(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$testtool_pid/status" 2>/dev/null || echo '?') MiB)"
    printf 'testtool.devices,%s\ntesttool.startup-ms,%s\ntesttool.rss-startup-mib,%s\n' "$devices" "$testtool_ms" \
        "$testtool_rss" | sed "s/^/$leaves,/" >>"$csv-summary.csv" 2>/dev/null || true
    bench_testtool_stop
done

# One line per profile: the three totals and the ratios, from the summaries just written
echo
echo "Summary, $leaves $dialect leaves (total seconds; ratio = that total / OpenVNI's):"
printf '%-10s %10s %12s %12s %10s %10s %12s\n' profile OpenVNI "ODL 1-by-1" "direct x32" "1-by-1/OV" "direct/OV" "OV p99 (s)"
for delay in "${profiles[@]}"; do
    awk -F, -v d="$delay" '
        { v[$2] = $3 }
        function s(ms) { return ms == "" ? "-" : sprintf("%.2f", ms / 1000) }
        function r(x) { return x == "" ? "-" : x }
        END { printf "%-10s %10s %12s %12s %10s %10s %12s\n", d " ms", s(v["openvni.total-ms"]),
              s(v["sequential.total-ms"]), s(v["direct.total-ms"]), r(v["ratio.sequential-over-openvni"]),
              r(v["ratio.direct-over-openvni"]), s(v["openvni.p99-ms"]) }' \
        "$REPO/benchmarks/target/$name-$leaves-${delay}ms-summary.csv" 2>/dev/null || echo "$delay ms: no summary"
done
exit "$rc"
