# What the benchmarks (scripts/bench-*.sh) share; sourced, not run. Every script starts with bench_init, which sets
# REPO and BENCH (its name, for messages), cds to REPO and selects a JDK. Everything the controller benchmarks start
# is stopped by bench_cleanup, which bench_prepare installs for EXIT.

# bench_init NAME: the checkout this script is in becomes the working directory, and JAVA_HOME a JDK 21+
bench_init() {
    BENCH=$1
    REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
    cd "$REPO"
    # shellcheck source=select-jdk.sh
    source scripts/select-jdk.sh || exit 1
}

# bench_common_option NAME WORD [VALUE]: one of the options the controller benchmarks share (--timeout SECONDS sets
# timeout, --no-build sets build=0, -h/--help prints usage and exits); any other option is refused (exit 2). Sets
# bench_shift to the words it took.
bench_common_option() {
    case "$2" in
        --timeout) timeout=${3:?--timeout needs seconds}; bench_shift=2 ;;
        --no-build) build=0; bench_shift=1 ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; echo "$1: unknown argument: $2" >&2; exit 2 ;;
    esac
}

# bench_package: the benchmark's jar and classpath. Package, never install: ~/.m2 may be shared, and the reactor's
# jars are all the classpath needs (the benchmarks module depends on the integration-test harness, which makes the
# build package the Karaf distribution too)
bench_package() {
    ./mvnw -q -B --no-transfer-progress -Pq -pl benchmarks -am package
}

# bench_classpath: the benchmark's main classes and their dependencies
bench_classpath() {
    echo "benchmarks/target/openvni-benchmarks-0.1.0-SNAPSHOT.jar:$(cat benchmarks/target/benchmark.classpath)"
}

bench_say() { echo "$BENCH: $*" >&2; }
bench_die() { bench_say "$*"; exit 1; }
bench_port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
bench_now_ms() { date +%s%3N; }

# bench_testtool_yang [SET MODULE]: a netconf-testtool YANG set (default openconfig-testtool, checked by its module
# openconfig-network-instance): $OPENVNI_TESTTOOL_YANG, or ../shared/yang/SET beside the repository or beside the main
# checkout when this is a git worktree. Prints its absolute path.
bench_testtool_yang() {
    local set=${1:-openconfig-testtool} module=${2:-openconfig-network-instance}
    local yang=${OPENVNI_TESTTOOL_YANG:-} candidate
    if [ -z "$yang" ]; then
        for candidate in "$REPO/../shared/yang/$set" \
                "$(dirname "$(git -C "$REPO" rev-parse --path-format=absolute --git-common-dir 2>/dev/null || echo /nonexistent/.git)")/../shared/yang/$set"; do
            [ -d "$candidate" ] && { yang=$(cd "$candidate" && pwd); break; }
        done
    fi
    [ -n "$yang" ] && ls "$yang"/"$module"@*.yang >/dev/null 2>&1 \
        || bench_die "no netconf-testtool schemas ($module@<revision>.yang) at ${yang:-../shared/yang/$set}; set OPENVNI_TESTTOOL_YANG=DIR"
    echo "$yang"
}

# bench_build LOG: the benchmark, the it harness and the distribution
bench_build() {
    bench_say "building the benchmark and the distribution (log: $1)"
    ./mvnw -B --no-transfer-progress -Pq package -pl benchmarks -am >"$1" 2>&1 \
        || { tail -n 40 "$1" >&2; bench_die "build failed; full log: $1"; }
}

# bench_prepare BUILD: sets out (benchmarks/target/$BENCH, made here) and classpath (the benchmark's main classes),
# builds first when BUILD is 1, points the controller's home at $out/controller and installs the cleanup trap
bench_prepare() {
    out=$REPO/benchmarks/target/$BENCH
    mkdir -p "$out"
    [ "$1" = 1 ] && bench_build "$out/build.log"
    [ -f benchmarks/target/benchmark.classpath ] || bench_die "not built yet: run without --no-build"
    classpath=$(bench_classpath)
    export OPENVNI_RUN_DIR=$out/controller
    trap bench_cleanup EXIT
    trap 'exit 130' INT TERM
}

testtool_pid="" controller_started=0 controller_pid=""

# bench_testtool_start COUNT FIRST_PORT HEAP YANG LOG: COUNT devices on FIRST_PORT onwards; returns once the last one
# listens and sets testtool_pid, testtool_ms (startup) and testtool_rss (MiB)
bench_testtool_start() {
    local count=$1 first=$2 heap=$3 yang=$4 log=$5 last started
    last=$((first + count - 1))
    [ -f benchmarks/target/netconf-testtool-executable.jar ] || bench_die "not built yet: run without --no-build"
    for port in "$first" "$last"; do
        bench_port_open "$port" && bench_die "port $port is in use; the testtool needs $first..$last"
    done
    bench_say "starting $count testtool devices (ports $first..$last, -Xmx$heap, schemas $yang)"
    started=$(bench_now_ms)
    "$JAVA_HOME/bin/java" "-Xmx$heap" -jar benchmarks/target/netconf-testtool-executable.jar \
        --device-count "$count" --starting-port "$first" --schemas-dir "$yang" --md-sal true \
        --ip 127.0.0.1 >"$log" 2>&1 &
    testtool_pid=$!
    # the devices open their ports in order: the last one listening means all are up
    until ss -Hltn "sport = :$last" | grep -q .; do
        kill -0 "$testtool_pid" 2>/dev/null || { tail -n 30 "$log" >&2; bench_die "the testtool exited"; }
        [ $(( $(bench_now_ms) - started )) -gt $((120000 + 500 * count)) ] \
            && bench_die "the testtool did not open port $last; see $log"
        sleep 0.1
    done
    testtool_ms=$(( $(bench_now_ms) - started ))
    testtool_rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$testtool_pid/status")
    bench_say "testtool: $count devices listening after $testtool_ms ms, RSS $testtool_rss MiB"
}

bench_testtool_stop() {
    local i
    if [ -n "$testtool_pid" ] && kill -0 "$testtool_pid" 2>/dev/null; then
        bench_say "stopping the testtool (pid $testtool_pid)"
        kill -TERM "$testtool_pid" 2>/dev/null || true
        for i in $(seq 1 20); do kill -0 "$testtool_pid" 2>/dev/null || break; sleep 0.5; done
        kill -KILL "$testtool_pid" 2>/dev/null || true
    fi
    testtool_pid=""
}

# Waits (up to 20 minutes) while something listens on the controller's ports: someone else's controller, an
# integration test's for instance
bench_controller_ports_free() {
    local waited=0
    while bench_port_open 8181 || bench_port_open 8101; do
        [ "$waited" = 0 ] && bench_say "a controller listens on 127.0.0.1:8181/8101 (someone else's); waiting up to 20 minutes"
        [ "$waited" -ge 1200 ] && bench_die "127.0.0.1:8181/8101 still taken after 20 minutes"
        sleep 10
        waited=$((waited + 10))
    done
}

# A fresh controller from $OPENVNI_RUN_DIR (waits for /tmp/openvni-controller.lock); sets controller_pid
bench_controller_start() {
    controller_started=1
    scripts/openvni-run.sh --background
    controller_pid=$(cat "$OPENVNI_RUN_DIR/karaf/karaf.pid")
    # another controller started at the same moment could hold the fixed ports while ours waits for them
    local listener
    listener=$(ss -Hltnp "sport = :8181" | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -n 1)
    [ "$listener" = "$controller_pid" ] \
        || bench_die "127.0.0.1:8181 belongs to pid ${listener:-?}, not to the controller just started ($controller_pid)"
}

bench_cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    bench_testtool_stop
    if [ "$controller_started" = 1 ]; then
        scripts/openvni-run.sh stop || true
    fi
    exit "$rc"
}
