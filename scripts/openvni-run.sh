#!/usr/bin/env bash
# Build (when needed) and run the OpenVNI controller: OpenDaylight/Karaf with OpenVNI, RESTCONF and the NETCONF
# topology, every listener on 127.0.0.1.
set -euo pipefail

usage() {
    cat <<'USAGE'
Usage: scripts/openvni-run.sh [--demo] [--background] [--rebuild] [--keep]
       scripts/openvni-run.sh stop | status | console [command...] | logs

  (no command)   start the controller in the foreground; Ctrl-C stops it cleanly
  --demo         once RESTCONF answers, load the demo fabric: PUT every scripts/demo/*.json, in name order
  --background   return once the controller is ready; stop it later with: scripts/openvni-run.sh stop
  --rebuild      rebuild the distribution even if it looks up to date
  --keep         reuse the existing controller home and its datastore instead of starting fresh
  stop           stop a controller started by this script
  status         say whether it runs, and where
  console        open the Karaf console (SSH to 127.0.0.1:8101), or run the given console command
  logs           follow data/log/karaf.log

Environment: OPENVNI_RUN_DIR (default <repo>/target/run), JAVA_HOME (see scripts/select-jdk.sh)
USAGE
}

REPO=$(cd "$(dirname "$0")/.." && pwd)
RUN_DIR=${OPENVNI_RUN_DIR:-$REPO/target/run}
KARAF_HOME_DIR=$RUN_DIR/karaf
DIST_TARGET=$REPO/karaf-dist/distribution/target
RESTCONF=http://127.0.0.1:8181
RESTCONF_USER=admin
RESTCONF_PASSWORD=admin
READY_PATH=/rests/data/network-topology:network-topology
START_TIMEOUT=${OPENVNI_START_TIMEOUT:-300}

say() { echo "openvni: $*" >&2; }
die() { say "$*"; exit 1; }

# shellcheck source=select-jdk.sh
source "$REPO/scripts/select-jdk.sh" || exit 1
command -v curl >/dev/null 2>&1 || die "curl is needed (apt-get install curl)"

tarball() {
    local f
    for f in "$DIST_TARGET"/openvni-karaf-*.tar.gz; do
        [ -f "$f" ] && { echo "$f"; return 0; }
    done
    return 1
}

needs_build() {
    local tb newer
    tb=$(tarball) || return 0
    # any pom.xml or source file newer than the distribution archive?
    newer=$(find "$REPO" \( -name target -o -name .git -o -name .idea \) -prune -o -type f \
        \( -name pom.xml -o -path '*/src/*' \) -newer "$tb" -print -quit)
    [ -n "$newer" ]
}

build() {
    mkdir -p "$RUN_DIR"
    say "building the distribution (the first build downloads OpenDaylight and takes several minutes; log: $RUN_DIR/build.log)"
    if ! (cd "$REPO" && ./mvnw -B --no-transfer-progress -Pq package -pl karaf-dist/distribution -am) \
            >"$RUN_DIR/build.log" 2>&1; then
        tail -n 40 "$RUN_DIR/build.log" >&2
        die "build failed; full log: $RUN_DIR/build.log"
    fi
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

karaf_pid() {
    local pid
    pid=$(cat "$KARAF_HOME_DIR/karaf.pid" 2>/dev/null) || return 1
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

restconf_status() {
    curl -s -o /dev/null -w '%{http_code}' -u "$RESTCONF_USER:$RESTCONF_PASSWORD" --max-time 10 "$RESTCONF$1" || true
}

stop_controller() {
    local pid=${1:-} i
    [ -n "$pid" ] || pid=$(karaf_pid) || { say "no controller running from $KARAF_HOME_DIR"; return 0; }
    say "stopping the controller (pid $pid)"
    "$KARAF_HOME_DIR/bin/stop" >/dev/null 2>&1 || true
    for i in $(seq 1 60); do
        kill -0 "$pid" 2>/dev/null || { say "stopped"; return 0; }
        sleep 1
    done
    say "still running after bin/stop; sending SIGTERM"
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 20); do
        kill -0 "$pid" 2>/dev/null || { say "stopped"; return 0; }
        sleep 1
    done
    say "killing it"
    kill -KILL "$pid" 2>/dev/null || true
}

load_demo() {
    local files=() f key code body
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
        code=$(curl -s -o "$body" -w '%{http_code}' -u "$RESTCONF_USER:$RESTCONF_PASSWORD" --max-time 60 \
            -X PUT -H 'Content-Type: application/yang-data+json' --data-binary "@$f" "$RESTCONF/rests/data/$key")
        case "$code" in
            2??) say "--demo: loaded $(basename "$f") -> /rests/data/$key (HTTP $code)" ;;
            *) say "--demo: PUT /rests/data/$key from $(basename "$f") failed with HTTP $code:"
               cat "$body" >&2; echo >&2; rm -f "$body"; return 1 ;;
        esac
    done
    rm -f "$body"
}

print_info() {
    cat <<INFO

  OpenVNI controller is running (pid $1, Karaf home $KARAF_HOME_DIR)
    RESTCONF  $RESTCONF/rests/data/   user $RESTCONF_USER, password $RESTCONF_PASSWORD
              curl -u $RESTCONF_USER:$RESTCONF_PASSWORD $RESTCONF$READY_PATH
    Console   scripts/openvni-run.sh console     (ssh -p 8101 karaf@127.0.0.1, password karaf)
    Logs      $KARAF_HOME_DIR/data/log/karaf.log
    Stop      $2

INFO
}

start() {
    local demo=$1 background=$2 rebuild=$3 keep=$4 pid waited code stop_hint
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
        trap 'echo >&2; stop_controller "$(karaf_pid || echo '"$pid"')"; exit 130' INT TERM
    fi

    waited=0
    while :; do
        kill -0 "$pid" 2>/dev/null || {
            tail -n 30 "$KARAF_HOME_DIR/data/log/karaf-console.out" "$KARAF_HOME_DIR/data/log/karaf.log" >&2 || true
            die "the controller exited during startup"; }
        code=$(restconf_status "$READY_PATH")
        [ "$code" = 200 ] && port_open 8101 && break
        [ "$waited" -ge "$START_TIMEOUT" ] && { stop_controller "$(karaf_pid || echo "$pid")"; die "not ready after ${START_TIMEOUT}s; see $KARAF_HOME_DIR/data/log/karaf.log"; }
        sleep 1
        waited=$((waited + 1))
    done
    say "ready after ${waited}s"

    if [ "$demo" = 1 ] && ! load_demo; then
        say "--demo: loading the demo fabric failed (the controller keeps running)"
        [ "$background" = 1 ] && exit 1
    fi

    if [ "$background" = 1 ]; then
        stop_hint="scripts/openvni-run.sh stop"
        print_info "$(karaf_pid || echo "$pid")" "$stop_hint"
        exit 0
    fi
    print_info "$(karaf_pid || echo "$pid")" "Ctrl-C"
    # bin/karaf loops for Karaf restarts; wait for it
    wait "$pid" || true
    trap - INT TERM
    say "the controller exited"
}

demo=0 background=0 rebuild=0 keep=0
case "${1:-}" in
    stop) stop_controller; exit 0 ;;
    status)
        if pid=$(karaf_pid); then
            say "running (pid $pid, $KARAF_HOME_DIR); RESTCONF answers HTTP $(restconf_status "$READY_PATH")"
        else
            say "not running"; exit 3
        fi
        exit 0 ;;
    console)
        shift
        karaf_pid >/dev/null || die "not running; start it with scripts/openvni-run.sh"
        if [ $# -eq 0 ]; then
            exec "$KARAF_HOME_DIR/bin/client" -u karaf -p karaf
        fi
        # bin/client closes an exec session when its stdin ends: hand the command over in batch mode instead
        printf '%s\n' "$*" | "$KARAF_HOME_DIR/bin/client" -u karaf -p karaf -b
        exit ;;
    logs) exec tail -F "$KARAF_HOME_DIR/data/log/karaf.log" ;;
    -h|--help|help) usage; exit 0 ;;
esac
while [ $# -gt 0 ]; do
    case "$1" in
        --demo) demo=1 ;;
        --background|-b) background=1 ;;
        --rebuild) rebuild=1 ;;
        --keep) keep=1 ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; die "unknown argument: $1" ;;
    esac
    shift
done
start "$demo" "$background" "$rebuild" "$keep"
