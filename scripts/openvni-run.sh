#!/usr/bin/env bash
# Build (when needed) and run the OpenVNI controller: OpenDaylight/Karaf with OpenVNI, RESTCONF and the NETCONF
# topology, every listener on 127.0.0.1.
set -euo pipefail

usage() {
    cat <<'USAGE'
Usage: scripts/openvni-run.sh [--demo [--no-leaves] [--no-grpc]] [--background] [--rebuild] [--keep] [--no-setup]
       scripts/openvni-run.sh --cluster N [--background] [--rebuild] [--keep] [--no-setup]
       scripts/openvni-run.sh stop | status | console [command...] | logs | leaf-config <leaf>

  (no command)   set up what is missing (scripts/setup.sh), then start the controller in the foreground; Ctrl-C
                 stops it cleanly
  --demo         also start the demo fabric's leaf switches as simulators (yuma123 netconfd over a private sshd,
                 as the tests do) and its node routers as FRR nodes in network namespaces, and, once RESTCONF
                 answers, load the demo: PUT every scripts/demo/*.json, in name order, with the leaves and node
                 routers pointing at them. A stand-in CNI then puts a pod on each node and shows them pinging
                 across VXLAN. All of it stops with the controller. Needs root on Debian 12 or 13: the set-up
                 installs netconfd, openssh-server, frr, iputils-ping and python3-ncclient and builds FRR's
                 northbound gRPC module for node1 once (4-13 minutes; then cached)
  --no-leaves    with --demo: no simulators (and no root); the fabric's devices point where nothing listens
  --no-grpc      with --demo: do not build FRR's gRPC module; node1 runs without gRPC (vtysh only, like node2)
  --no-setup     install nothing; run with what this machine has
  --background   return once the controller is ready; stop it later with: scripts/openvni-run.sh stop
  --rebuild      rebuild the distribution even if it looks up to date
  --keep         reuse the existing controller home and its datastore instead of starting fresh
  --cluster N    run an N-member OpenDaylight cluster (3 for failover; 1 to 9) on this machine instead of one
                 controller: member i has its own Karaf home (<run dir>/cluster/member-i) and ports (RESTCONF
                 8181+10i, console 8101+10i, Pekko 2550+i; see scripts/cluster-member.sh), every datastore shard
                 on every member; OpenVNI's controller runs on one member at a time and moves if it dies.
                 Without --demo. stop, status, console and logs then act on the cluster (console and logs on
                 member OPENVNI_MEMBER, default 1)
  stop           stop a controller started by this script
  status         say whether it runs, and where
  console        open the Karaf console (SSH to 127.0.0.1:8101), or run the given console command
  logs           follow data/log/karaf.log
  leaf-config    print a simulated leaf's running configuration (NETCONF get-config, with python3-ncclient)

Environment: OPENVNI_RUN_DIR (default <repo>/target/run), JAVA_HOME (see scripts/select-jdk.sh),
  OPENVNI_SIM_YANG (the simulators' OpenConfig set; default ../shared/yang/openconfig-netconfd beside the repo)
USAGE
}

REPO=$(cd "$(dirname "$0")/.." && pwd)
RUN_DIR=${OPENVNI_RUN_DIR:-$REPO/target/run}
KARAF_HOME_DIR=$RUN_DIR/karaf
CLUSTER_DIR=$RUN_DIR/cluster
DIST_TARGET=$REPO/karaf-dist/distribution/target
RESTCONF=http://127.0.0.1:8181
RESTCONF_USER="admin"
RESTCONF_PASSWORD="admin"
READY_PATH=/rests/data/network-topology:network-topology
START_TIMEOUT=${OPENVNI_START_TIMEOUT:-300}
# three JVMs booting on a small machine take longer
CLUSTER_START_TIMEOUT=${OPENVNI_START_TIMEOUT:-600}
# the demo's devices: io.openvni.demo.SimulatedLeavesMain from the demo module
DEMO_TARGET=$REPO/demo/target
DEMO_FABRIC=$REPO/scripts/demo/10-fabric.json
LEAVES_DIR=$RUN_DIR/leaves
LEAVES_PID=$RUN_DIR/leaves.pid
LEAVES_LOG=$RUN_DIR/leaves.log
LEAVES_TIMEOUT=${OPENVNI_LEAVES_TIMEOUT:-120}

say() { echo "openvni: $*" >&2; }
die() { say "$*"; exit 1; }

use_jdk() {
    # shellcheck source=select-jdk.sh
    source "$REPO/scripts/select-jdk.sh" || exit 1
}

tarball() {
    local f
    for f in "$DIST_TARGET"/openvni-karaf-*.tar.gz; do
        [ -f "$f" ] && { echo "$f"; return 0; }
    done
    return 1
}

demo_jar() {
    local f
    for f in "$DEMO_TARGET"/openvni-demo-*.jar; do
        case "$f" in *-sources.jar|*-javadoc.jar|*-tests.jar) continue ;; esac
        [ -f "$f" ] && { echo "$f"; return 0; }
    done
    return 1
}

needs_build() {
    local tb jar newer
    tb=$(tarball) || return 0
    jar=$(demo_jar) || return 0
    [ -f "$DEMO_TARGET/runtime.classpath" ] || return 0
    # any pom.xml or source file newer than the distribution archive or the simulators' jar?
    newer=$(find "$REPO" \( -name target -o -name .git -o -name .idea \) -prune -o -type f \
        \( -name pom.xml -o -path '*/src/*' \) \( -newer "$tb" -o -newer "$jar" \) -print -quit)
    [ -n "$newer" ]
}

build() {
    mkdir -p "$RUN_DIR"
    say "building the distribution (the first build downloads OpenDaylight and takes several minutes; log: $RUN_DIR/build.log)"
    # the demo module too: its jar and runtime.classpath run the demo's devices
    if ! (cd "$REPO" && ./mvnw -B --no-transfer-progress -Pq package -pl karaf-dist/distribution,demo -am) \
            >"$RUN_DIR/build.log" 2>&1; then
        tail -n 40 "$RUN_DIR/build.log" >&2
        die "build failed; full log: $RUN_DIR/build.log"
    fi
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Whether process $2 owns the listener on port $1; true when ss (iproute2) is missing
port_owned_by() {
    command -v ss >/dev/null 2>&1 || return 0
    ss -Hltnp "sport = :$1" 2>/dev/null | grep -q "pid=$2,"
}

karaf_pid() {
    local pid
    pid=$(cat "$KARAF_HOME_DIR/karaf.pid" 2>/dev/null) || return 1
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

# restconf_status PATH [SERVER]: the HTTP status of a GET (000 when nothing answers)
restconf_status() {
    curl -s -o /dev/null -w '%{http_code}' -u "$RESTCONF_USER:$RESTCONF_PASSWORD" --max-time 10 "${2:-$RESTCONF}$1" \
        || true
}

# gone PID SECONDS: waits up to SECONDS for the process to exit; fails if it is still there
gone() {
    local i
    for i in $(seq 1 "$2"); do
        kill -0 "$1" 2>/dev/null || return 0
        sleep 1
    done
    ! kill -0 "$1" 2>/dev/null
}

stop_controller() {
    local pid=${1:-}
    [ -n "$pid" ] || pid=$(karaf_pid) || { say "no controller running from $KARAF_HOME_DIR"; return 0; }
    say "stopping the controller (pid $pid)"
    "$KARAF_HOME_DIR/bin/stop" >/dev/null 2>&1 || true
    gone "$pid" 60 && { say "stopped"; return 0; }
    say "still running after bin/stop; sending SIGTERM"
    kill -TERM "$pid" 2>/dev/null || true
    gone "$pid" 20 && { say "stopped"; return 0; }
    say "killing it"
    kill -KILL "$pid" 2>/dev/null || true
}

leaves_pid() {
    local pid
    pid=$(cat "$LEAVES_PID" 2>/dev/null) || return 1
    # the pid file may be stale: only a live SimulatedLeavesMain counts
    [ -n "$pid" ] && tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | grep -q 'io.openvni.demo.SimulatedLeavesMain' \
        && echo "$pid"
}

# Start the demo fabric's leaf switches as simulators, bound to the controller's lifetime (process $1); returns at
# once: await_leaves waits for them
start_leaves() {
    local owner=$1 jar yang=()
    rm -rf "$LEAVES_DIR"
    rm -f "$LEAVES_PID"
    [ -f "$DEMO_FABRIC" ] || { say "--demo: no $DEMO_FABRIC; no leaf simulators"; return 1; }
    jar=$(demo_jar) && [ -f "$DEMO_TARGET/runtime.classpath" ] \
        || { say "--demo: the demo module is not built (demo/target); no leaf simulators"; return 1; }
    [ -n "${OPENVNI_SIM_YANG:-}" ] && yang=("-Dopenvni.sim.yang=$OPENVNI_SIM_YANG")
    mkdir -p "$LEAVES_DIR"
    # own session, like the controller: Ctrl-C reaches only this script, which stops both in order
    (cd "$REPO" && exec setsid "$JAVA_HOME/bin/java" "${yang[@]}" -cp "$jar:$(cat "$DEMO_TARGET/runtime.classpath")" \
        io.openvni.demo.SimulatedLeavesMain --fabric "$DEMO_FABRIC" --out "$LEAVES_DIR/$(basename "$DEMO_FABRIC")" \
        --leaves-out "$LEAVES_DIR/leaves" --nodes-out "$LEAVES_DIR/nodes" --while-alive "$owner") </dev/null \
        >"$LEAVES_LOG" 2>&1 &
    echo $! >"$LEAVES_PID"
    say "--demo: starting the demo fabric's leaf switches as simulators and its node routers as FRR nodes (log: $LEAVES_LOG)"
}

# Wait until the simulators have written the fabric that points at them; false if they are not coming
await_leaves() {
    local pid waited=0
    pid=$(cat "$LEAVES_PID" 2>/dev/null) || return 1
    while [ ! -f "$LEAVES_DIR/$(basename "$DEMO_FABRIC")" ]; do
        if ! kill -0 "$pid" 2>/dev/null; then
            say "--demo: the leaf simulators did not start:"
            sed 's/^/    /' "$LEAVES_LOG" >&2
            return 1
        fi
        if [ "$waited" -ge "$LEAVES_TIMEOUT" ]; then
            say "--demo: the leaf simulators are not ready after ${LEAVES_TIMEOUT}s; stopping them (log: $LEAVES_LOG)"
            stop_leaves
            return 1
        fi
        sleep 1
        waited=$((waited + 1))
    done
}

# The simulators follow the controller by themselves (--while-alive); with the controller gone this waits for
# that, else (or when they take too long) it sends SIGTERM, and SIGKILL to their process group as a last resort
stop_leaves() {
    local pid
    pid=$(leaves_pid) || { rm -f "$LEAVES_PID"; rm -rf "$LEAVES_DIR"; return 0; }
    karaf_pid >/dev/null && { kill -TERM "$pid" 2>/dev/null || true; }
    if ! gone "$pid" 15; then
        say "leaf simulators still running; sending SIGTERM"
        kill -TERM "$pid" 2>/dev/null || true
        if ! gone "$pid" 10; then
            say "killing the leaf simulators' process group"
            kill -KILL -- "-$pid" 2>/dev/null || true
        fi
    fi
    say "leaf simulators stopped (log: $LEAVES_LOG)"
    rm -f "$LEAVES_PID"
    rm -rf "$LEAVES_DIR"
}

netconf_node_state() {
    curl -s -u "$RESTCONF_USER:$RESTCONF_PASSWORD" --max-time 10 -H 'Accept: application/yang-data+json' \
        "$RESTCONF/rests/data/network-topology:network-topology/topology=topology-netconf/node=$1/netconf-node-topology:netconf-node?content=nonconfig" \
        | tr -d '\n' | sed -n 's/.*"connection-status" *: *"\([^"]*\)".*/\1/p'
}

# Say how ODL's connection to each simulated leaf stands, once connected or after 90 s
report_leaf_connections() {
    local name waited=0 state
    [ -f "$LEAVES_DIR/leaves" ] || return 0
    while read -r name _; do
        while :; do
            state=$(netconf_node_state "$name")
            if [ "$state" = connected ] || [ "$waited" -ge 90 ]; then break; fi
            sleep 1
            waited=$((waited + 1))
        done
        say "--demo: $name: connection-status ${state:-unknown} (ODL's NETCONF topology)"
    done <"$LEAVES_DIR/leaves"
}

leaf_config() {
    local name=${1:-} fabric
    fabric=$LEAVES_DIR/$(basename "$DEMO_FABRIC")
    [ -n "$name" ] || die "usage: scripts/openvni-run.sh leaf-config <leaf>, e.g. leaf1"
    { [ -f "$fabric" ] && leaves_pid >/dev/null; } || die "no leaf simulators running (scripts/openvni-run.sh --demo starts them)"
    # the leaf's access comes from the fabric document the simulators wrote (readable by root only)
    /usr/bin/python3 - "$fabric" "$name" <<'PY'
import json, sys
from lxml import etree
from ncclient import manager
fabric, name = sys.argv[1], sys.argv[2]
with open(fabric) as document:
    leaves = json.load(document)["openvni-fabric:fabric"]["leaf-switch"]
access = next((leaf["netconf"] for leaf in leaves if leaf["name"] == name), None)
if access is None:
    sys.exit("no leaf switch " + name + " (there are " + ", ".join(leaf["name"] for leaf in leaves) + ")")
with manager.connect(host=access["host"], port=access["port"], username=access["username"],
                     password=access["password"], hostkey_verify=False, look_for_keys=False, allow_agent=False,
                     timeout=30) as session:
    print(etree.tostring(session.get_config("running").data_ele, pretty_print=True).decode(), end="")
PY
}

# $1, optional: a folder whose NAME.json replaces scripts/demo/NAME.json (the fabric pointing at the simulators)
load_demo() {
    local override=${1:-} files=() f src key code body
    shopt -s nullglob
    files=("$REPO"/scripts/demo/*.json)
    shopt -u nullglob
    if [ ${#files[@]} -eq 0 ]; then
        say "--demo: no demo data yet (scripts/demo/*.json); nothing loaded"
        return 0
    fi
    body=$(mktemp)
    for f in "${files[@]}"; do
        # the resource: NAME.path beside the file if present (e.g. openvni-tenant:tenants/tenant=acme), else the
        # file's single top-level member (e.g. {"openvni-fabric:fabric": {...}} -> openvni-fabric:fabric)
        if [ -f "${f%.json}.path" ]; then
            key=$(grep -v '^[[:space:]]*\(#\|$\)' "${f%.json}.path" | head -n 1 | tr -d '[:space:]')
            key=${key#/rests/data/}
        else
            key=$(tr -d '\n\r' <"$f" | sed -n 's/^[[:space:]]*{[[:space:]]*"\([^"]*\)"[[:space:]]*:.*/\1/p')
        fi
        [ -n "$key" ] || { rm -f "$body"; die "--demo: cannot tell where to PUT $f (see scripts/demo/README.md)"; }
        src=$f
        [ -n "$override" ] && [ -f "$override/$(basename "$f")" ] && src=$override/$(basename "$f")
        code=$(curl -s -o "$body" -w '%{http_code}' -u "$RESTCONF_USER:$RESTCONF_PASSWORD" --max-time 60 \
            -X PUT -H 'Content-Type: application/yang-data+json' --data-binary "@$src" "$RESTCONF/rests/data/$key")
        case "$code" in
            2??) say "--demo: loaded $(basename "$f")$([ "$src" = "$f" ] || echo ' (leaves: the simulators)') -> /rests/data/$key (HTTP $code)" ;;
            *) say "--demo: PUT /rests/data/$key from $(basename "$f") failed with HTTP $code:"
               cat "$body" >&2; echo >&2; rm -f "$body"; return 1 ;;
        esac
    done
    rm -f "$body"
}

# The demo's node routers: once OpenVNI has put a network on both, the simulator process attaches a pod on each
# (the CNI's part) and pings across VXLAN; show that, waiting up to 2 minutes.
report_pods() {
    local nodes=$LEAVES_DIR/nodes waited=0
    [ -f "$nodes" ] || { say "--demo: no node routers (see $LEAVES_LOG)"; return 0; }
    say "--demo: waiting for the node routers to carry the tenant (pods ping across VXLAN)"
    until grep -q '^pods ' "$nodes" 2>/dev/null || [ "$waited" -ge 120 ]; do
        sleep 1
        waited=$((waited + 1))
    done
    grep -q '^pods ' "$nodes" || { say "--demo: no network reached both node routers within 120 s (see $LEAVES_LOG)"; return 0; }
    sed -n 's/^pods /--demo: /p' "$nodes" >&2
}

# $1 controller pid, $2 how to stop, $3 1 if the demo is loaded, $4 1 if with leaf simulators
print_info() {
    local name host port first=
    cat <<INFO

  OpenVNI controller is running (pid $1, Karaf home $KARAF_HOME_DIR)
    RESTCONF  $RESTCONF/rests/data/   user $RESTCONF_USER, password $RESTCONF_PASSWORD
              curl -u $RESTCONF_USER:$RESTCONF_PASSWORD $RESTCONF$READY_PATH
    Explorer  $RESTCONF/openapi/explorer/index.html   (same login; every model and RPC, with "Try it out")
    Console   scripts/openvni-run.sh console     (ssh -p 8101 karaf@127.0.0.1, password karaf)
    Logs      $KARAF_HOME_DIR/data/log/karaf.log
INFO
    if [ "${3:-0}" = 1 ]; then
        cat <<INFO
    Status    every device's sync state and generations, refreshed every 2 s:
              watch -n 2 "curl -s -u $RESTCONF_USER:$RESTCONF_PASSWORD -H 'Accept: application/yang-data+json' '$RESTCONF/rests/data/openvni-status:status?content=nonconfig'"
              (or: scripts/openvni-run.sh console openvni:status)
INFO
    fi
    if [ "${4:-0}" = 1 ] && [ -f "$LEAVES_DIR/nodes" ]; then
        echo "    Nodes     node routers: FRR in network namespaces behind an eBGP spine, managed over SSH:"
        sed -n 's/^node /              /p' "$LEAVES_DIR/nodes"
        sed -n 's/^pods /              pods: /p' "$LEAVES_DIR/nodes"
        echo "              their state: scripts/openvni-run.sh console openvni:status"
    fi
    if [ "${4:-0}" = 1 ] && [ -f "$LEAVES_DIR/leaves" ]; then
        echo "    Leaves    simulated leaf switches (netconfd over SSH):"
        while read -r name host port; do
            echo "              $name  NETCONF at $host:$port"
            first=${first:-$name}
        done <"$LEAVES_DIR/leaves"
        cat <<INFO
              a leaf's running configuration (what the controller pushed to it):
              scripts/openvni-run.sh leaf-config $first
              its connection in ODL's NETCONF topology:
              curl -s -u $RESTCONF_USER:$RESTCONF_PASSWORD '$RESTCONF/rests/data/network-topology:network-topology/topology=topology-netconf/node=$first/netconf-node-topology:netconf-node?content=nonconfig&fields=connection-status'
              simulator log: $LEAVES_LOG
INFO
    fi
    cat <<INFO
    Stop      $2

INFO
}

# One controller (or cluster) per machine: the tests take the same lock; Karaf inherits the descriptor and so holds
# the lock for as long as it (or any cluster member) runs
take_machine_lock() {
    exec 9>/tmp/openvni-controller.lock
    if ! flock -n 9; then
        say "another controller run (tests?) holds /tmp/openvni-controller.lock; waiting up to 20 minutes"
        flock -w 1200 9 || die "/tmp/openvni-controller.lock is still held; is another controller running?"
    fi
}

# The cluster members' Karaf homes, member-1 first
cluster_members() {
    local home
    for home in "$CLUSTER_DIR"/member-*; do
        [ -d "$home" ] && echo "$home"
    done | sort -V
}

member_pid() {
    local pid
    pid=$(cat "$1/karaf.pid" 2>/dev/null) || return 1
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

# member_port HOME NAME: a member's port as scripts/cluster-member.sh printed it (restconf, ssh, pekko, ...)
member_port() {
    sed -n "s/^$2=//p" "$1/cluster-ports" 2>/dev/null
}

cluster_running() {
    local home
    for home in $(cluster_members); do
        member_pid "$home" >/dev/null && return 0
    done
    return 1
}

# Whether the latest log line about the controller singleton since the member's latest start (Karaf's "Trying to
# lock" opens each) says it runs there: a member started again keeps the lines of its earlier runs
member_runs_controller() {
    local log=$1/data/log/karaf.log first
    first=$(grep -n 'Trying to lock ' "$log" 2>/dev/null | tail -n 1 | cut -d: -f1)
    tail -n +"${first:-1}" "$log" 2>/dev/null | grep 'OpenVNI controller \(no longer \)\{0,1\}active on this node' \
        | tail -n 1 | grep -q 'controller active'
}

# Stop every member at once (a member left alone cannot leave the cluster cleanly), then make sure they are gone;
# again if one came back: ODL restarts the Karaf of a member the others quarantined when they left first
stop_cluster() {
    local round
    for round in 1 2 3; do
        cluster_running || break
        stop_members
    done
    if cluster_running; then
        say "a cluster member still runs; see scripts/openvni-run.sh status"
    elif [ "$round" != 1 ]; then
        say "cluster stopped"
    fi
}

stop_members() {
    local home pid pids=() stops=()
    for home in $(cluster_members); do
        pid=$(member_pid "$home") || continue
        say "stopping cluster member $(basename "$home") (pid $pid)"
        "$home/bin/stop" >/dev/null 2>&1 &
        stops+=("$!")
        pids+=("$pid")
    done
    for pid in "${pids[@]}"; do
        gone "$pid" 90 && continue
        say "pid $pid still running after bin/stop; sending SIGTERM"
        kill -TERM "$pid" 2>/dev/null || true
        gone "$pid" 20 || { say "killing pid $pid"; kill -KILL "$pid" 2>/dev/null || true; }
    done
    # only the bin/stop runs: the members may be this script's children too
    [ ${#stops[@]} -gt 0 ] && { wait "${stops[@]}" 2>/dev/null || true; }
    # a restarted member writes its new pid file within moments
    sleep 5
    return 0
}

cluster_status() {
    local home pid owner
    for home in $(cluster_members); do
        if pid=$(member_pid "$home"); then
            owner=
            member_runs_controller "$home" && owner=", runs the OpenVNI controller"
            say "$(basename "$home"): running (pid $pid$owner); RESTCONF http://127.0.0.1:$(member_port "$home" restconf) answers HTTP $(restconf_status "$READY_PATH" "http://127.0.0.1:$(member_port "$home" restconf)")"
        else
            say "$(basename "$home"): not running"
        fi
    done
}

# start_cluster SIZE BACKGROUND REBUILD KEEP SETUP
start_cluster() {
    local size=$1 background=$2 rebuild=$3 keep=$4 setup=$5 n home port pid waited ready i homes=() launched=()
    case "$size" in ''|*[!0-9]*) die "--cluster needs a number of members, e.g. --cluster 3" ;; esac
    [ "$size" -ge 1 ] && [ "$size" -le 9 ] || die "--cluster: 1 to 9 members, not $size"
    if [ "$setup" = 1 ]; then
        "$REPO/scripts/setup.sh" controller --rerun "scripts/openvni-run.sh${ARGS:+ $ARGS}" || exit 1
    fi
    use_jdk
    command -v curl >/dev/null 2>&1 || die "curl is needed (apt-get install curl)"
    take_machine_lock
    cluster_running && die "a cluster already runs from $CLUSTER_DIR; stop it first: scripts/openvni-run.sh stop"
    karaf_pid >/dev/null && die "a single controller runs from $KARAF_HOME_DIR; stop it first: scripts/openvni-run.sh stop"
    if [ "$rebuild" = 1 ] || needs_build; then
        build
    fi
    if [ "$keep" = 0 ] || [ "$(cluster_members | wc -l)" != "$size" ]; then
        rm -rf "$CLUSTER_DIR"
        for n in $(seq 1 "$size"); do
            home=$CLUSTER_DIR/member-$n
            mkdir -p "$home"
            tar -xzf "$(tarball)" -C "$home" --strip-components=1
            "$REPO/scripts/cluster-member.sh" "$home" "$n" "$size" >"$home/cluster-ports"
        done
    fi
    for home in $(cluster_members); do
        for port in $(sed 's/^[^=]*=//' "$home/cluster-ports"); do
            port_open "$port" && die "127.0.0.1:$port ($(basename "$home")) is in use by another program; stop it first"
        done
        homes+=("$home")
    done

    say "starting $size cluster members (JDK $OPENVNI_JAVA_VERSION); waiting for RESTCONF on each"
    for home in "${homes[@]}"; do
        mkdir -p "$home/data/log"
        # own session: Ctrl-C reaches this script, which stops the members cleanly
        setsid "$home/bin/karaf" server >>"$home/data/log/karaf-console.out" 2>&1 &
        launched+=("$!")
    done
    if [ "$background" = 0 ]; then
        trap 'echo >&2; stop_cluster; exit 130' INT TERM
    fi
    # the datastore answers once a majority of members has joined, so they all boot before any is ready
    waited=0
    while :; do
        ready=0
        for i in "${!homes[@]}"; do
            home=${homes[$i]}
            # bin/karaf (not yet the JVM's pid file) tells whether the member still runs
            if ! kill -0 "${launched[$i]}" 2>/dev/null; then
                tail -n 30 "$home/data/log/karaf-console.out" "$home/data/log/karaf.log" >&2 || true
                stop_cluster
                die "$(basename "$home") exited during startup"
            fi
            [ "$(restconf_status "$READY_PATH" "http://127.0.0.1:$(member_port "$home" restconf)")" = 200 ] \
                && port_open "$(member_port "$home" ssh)" && ready=$((ready + 1))
        done
        [ "$ready" = "$size" ] && break
        [ "$waited" -ge "$CLUSTER_START_TIMEOUT" ] && { stop_cluster; die "not ready after ${CLUSTER_START_TIMEOUT}s; see $CLUSTER_DIR/member-*/data/log/karaf.log"; }
        sleep 1
        waited=$((waited + 1))
    done
    say "ready after ${waited}s"
    echo
    echo "  OpenVNI cluster of $size members is running (Karaf homes $CLUSTER_DIR/member-N)"
    for home in "${homes[@]}"; do
        echo "    $(basename "$home")  pid $(member_pid "$home" || echo '?')  RESTCONF http://127.0.0.1:$(member_port "$home" restconf)/rests/data/  console ssh -p $(member_port "$home" ssh) karaf@127.0.0.1  Pekko 127.0.0.1:$(member_port "$home" pekko)"
    done
    cat <<INFO
    RESTCONF  user $RESTCONF_USER, password $RESTCONF_PASSWORD, on any member
    Members   scripts/openvni-run.sh status     (says which member runs the OpenVNI controller)
    Console   OPENVNI_MEMBER=2 scripts/openvni-run.sh console     (default member 1)
    Stop      $([ "$background" = 1 ] && echo "scripts/openvni-run.sh stop" || echo "Ctrl-C")

INFO
    [ "$background" = 1 ] && exit 0
    # each bin/karaf loops for Karaf restarts; wait for them all
    wait || true
    trap - INT TERM
    say "the cluster exited"
}

start() {
    local demo=$1 background=$2 rebuild=$3 keep=$4 leaves=$5 setup=$6 grpc=$7 pid kpid waited code stop_hint loaded=0
    local target=controller rerun="scripts/openvni-run.sh${ARGS:+ $ARGS}"
    [ "$demo" = 1 ] || leaves=0
    [ "$leaves" = 1 ] && target=demo
    if [ "$setup" = 1 ]; then
        "$REPO/scripts/setup.sh" "$target" $([ "$grpc" = 1 ] || echo --no-grpc) --rerun "$rerun" || exit 1
    fi
    use_jdk
    command -v curl >/dev/null 2>&1 || die "curl is needed (apt-get install curl)"
    # the simulators' node1 serves FRR's northbound gRPC when the module is there (scripts/frr-grpc-module.sh)
    if [ "$leaves" = 1 ] && { [ "$grpc" = 0 ] || ! "$REPO/scripts/frr-grpc-module.sh" --cached >/dev/null 2>&1; }; then
        say "--demo: node1 runs without FRR's northbound gRPC ($([ "$grpc" = 0 ] && echo "--no-grpc" || echo "no module built"))"
        export OPENVNI_SKIP_FRR_GRPC=1
    fi
    take_machine_lock
    if port_open 8181 || port_open 8101; then
        if pid=$(karaf_pid); then
            die "already running (pid $pid, $KARAF_HOME_DIR); stop it first: scripts/openvni-run.sh stop"
        fi
        die "127.0.0.1:8181 or :8101 is in use by another program (another OpenDaylight?); stop it first"
    fi
    if [ "$rebuild" = 1 ] || needs_build; then
        build
    fi
    if [ "$keep" = 0 ] || [ ! -x "$KARAF_HOME_DIR/bin/karaf" ]; then
        rm -rf "$KARAF_HOME_DIR"
        mkdir -p "$KARAF_HOME_DIR"
        tar -xzf "$(tarball)" -C "$KARAF_HOME_DIR" --strip-components=1
    fi
    mkdir -p "$KARAF_HOME_DIR/data/log"

    say "starting (JDK $OPENVNI_JAVA_VERSION); waiting for RESTCONF at $RESTCONF"
    # own session: Ctrl-C reaches this script, which stops Karaf cleanly with bin/stop
    setsid "$KARAF_HOME_DIR/bin/karaf" server >>"$KARAF_HOME_DIR/data/log/karaf-console.out" 2>&1 &
    pid=$!
    if [ "$background" = 0 ]; then
        trap 'echo >&2; stop_controller "$(karaf_pid || echo '"$pid"')"; stop_leaves; exit 130' INT TERM
    fi
    # while the controller boots; they stop by themselves when it exits
    if [ "$leaves" = 1 ] && ! start_leaves "$pid"; then
        leaves=0
    fi

    waited=0
    while :; do
        kill -0 "$pid" 2>/dev/null || {
            tail -n 30 "$KARAF_HOME_DIR/data/log/karaf-console.out" "$KARAF_HOME_DIR/data/log/karaf.log" >&2 || true
            stop_leaves
            die "the controller exited during startup"; }
        code=$(restconf_status "$READY_PATH")
        if [ "$code" = 200 ] && port_open 8101; then
            # another controller started at the same moment may have won the ports: never load data into it
            kpid=$(karaf_pid) || kpid=none
            port_owned_by 8181 "$kpid" && break
            stop_controller "$(karaf_pid || echo "$pid")"
            stop_leaves
            die "another program took 127.0.0.1:8181 while this controller started (another OpenDaylight?); stop it first"
        fi
        [ "$waited" -ge "$START_TIMEOUT" ] && { stop_controller "$(karaf_pid || echo "$pid")"; stop_leaves; die "not ready after ${START_TIMEOUT}s; see $KARAF_HOME_DIR/data/log/karaf.log"; }
        sleep 1
        waited=$((waited + 1))
    done
    say "ready after ${waited}s"

    if [ "$leaves" = 1 ] && ! await_leaves; then
        say "--demo: loading the demo fabric without simulators (its leaves point where nothing listens)"
        leaves=0
    fi
    if [ "$demo" = 1 ]; then
        if load_demo "$([ "$leaves" = 1 ] && echo "$LEAVES_DIR")"; then
            loaded=1
            [ "$leaves" = 1 ] && report_leaf_connections
            [ "$leaves" = 1 ] && report_pods
        else
            say "--demo: loading the demo fabric failed (the controller keeps running)"
            [ "$background" = 1 ] && exit 1
        fi
    fi

    if [ "$background" = 1 ]; then
        stop_hint="scripts/openvni-run.sh stop"
        print_info "$(karaf_pid || echo "$pid")" "$stop_hint" "$loaded" "$leaves"
        exit 0
    fi
    print_info "$(karaf_pid || echo "$pid")" "Ctrl-C" "$loaded" "$leaves"
    # bin/karaf loops for Karaf restarts; wait for it
    wait "$pid" || true
    trap - INT TERM
    say "the controller exited"
    stop_leaves
}

demo=0 background=0 rebuild=0 keep=0 leaves=1 setup=1 grpc=1 cluster=
ARGS="$*"
case "${1:-}" in
    stop)
        use_jdk
        if cluster_running; then
            stop_cluster
        else
            stop_controller; stop_leaves
        fi
        exit 0 ;;
    status)
        if cluster_running; then
            cluster_status
        elif pid=$(karaf_pid); then
            say "running (pid $pid, $KARAF_HOME_DIR); RESTCONF answers HTTP $(restconf_status "$READY_PATH")"
            if pid=$(leaves_pid) && [ -f "$LEAVES_DIR/leaves" ]; then
                say "leaf simulators running (pid $pid): $(awk '{printf "%s%s %s:%s", (NR > 1 ? ", " : ""), $1, $2, $3}' "$LEAVES_DIR/leaves")"
            fi
        else
            say "not running"; exit 3
        fi
        exit 0 ;;
    leaf-config) shift; leaf_config "$@"; exit ;;
    console)
        shift
        if cluster_running; then
            KARAF_HOME_DIR=$CLUSTER_DIR/member-${OPENVNI_MEMBER:-1}
            member_pid "$KARAF_HOME_DIR" >/dev/null || die "member ${OPENVNI_MEMBER:-1} of the cluster does not run"
        else
            karaf_pid >/dev/null || die "not running; start it with scripts/openvni-run.sh"
        fi
        use_jdk
        if [ $# -eq 0 ]; then
            exec "$KARAF_HOME_DIR/bin/client" -u karaf -p karaf
        fi
        exec "$KARAF_HOME_DIR/bin/client" -u karaf -p karaf "$*" ;;
    logs)
        cluster_running && KARAF_HOME_DIR=$CLUSTER_DIR/member-${OPENVNI_MEMBER:-1}
        exec tail -F "$KARAF_HOME_DIR/data/log/karaf.log" ;;
    -h|--help|help) usage; exit 0 ;;
esac
while [ $# -gt 0 ]; do
    case "$1" in
        --demo) demo=1 ;;
        --no-leaves) leaves=0 ;;
        --no-grpc) grpc=0 ;;
        --no-setup) setup=0 ;;
        --background|-b) background=1 ;;
        --rebuild) rebuild=1 ;;
        --keep) keep=1 ;;
        --cluster) [ $# -ge 2 ] || die "--cluster needs a number of members, e.g. --cluster 3"; shift; cluster=$1 ;;
        --cluster=*) cluster=${1#--cluster=} ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; die "unknown argument: $1" ;;
    esac
    shift
done
if [ -n "$cluster" ]; then
    [ "$demo" = 0 ] || die "--demo does not run on a cluster yet; start the cluster, then PUT scripts/demo/*.json to any member"
    start_cluster "$cluster" "$background" "$rebuild" "$keep" "$setup"
fi
start "$demo" "$background" "$rebuild" "$keep" "$leaves" "$setup" "$grpc"
