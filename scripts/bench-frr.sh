#!/usr/bin/env bash
# OpenVNI's FRR node driver vs frr-reload.py --reload on one real FRR 8.4 in private namespaces, same run: a small
# change, adding and deleting 200 L2VNIs; the driver with a read, from the previous pass's observation (no read),
# and with the devices already in place. Prints medians, spread and ratios; per-repetition CSV in benchmarks/target/.
# Needs root, Debian's frr + frr-pythontools and iproute2. Usage: scripts/bench-frr.sh [repetitions, default 5]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" != 0 ] || [ ! -x /usr/lib/frr/frr-reload.py ]; then
  echo "needs root and frr, frr-pythontools (/usr/lib/frr/frr-reload.py)" >&2
  exit 2
fi
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  JAVA_HOME=$(scripts/select-jdk.sh)
  export JAVA_HOME
fi
# package, never install: ~/.m2 may be shared, and the reactor's jars are all the classpath needs (the benchmarks
# module depends on the integration-test harness, which makes the build package the Karaf distribution too)
./mvnw -q -B -Pq -pl benchmarks -am package
# The benchmark's FRR node (namespace holder, zebra, bgpd) lives under this folder; the JVM removes it on exit and
# on Ctrl-C, and this trap kills what is left if the JVM itself was killed.
work=$(mktemp -d /tmp/ovni-frr-bench.XXXXXX)
chmod 755 "$work" # the daemons run as the frr user and write their pid files below it
cleanup() {
  for pid in $(pgrep -f -- "$work/" || true); do kill -9 "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
"$JAVA_HOME/bin/java" -Djava.io.tmpdir="$work" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "benchmarks/target/openvni-benchmarks-0.1.0-SNAPSHOT.jar:$(cat benchmarks/target/benchmark.classpath)" \
  io.openvni.benchmarks.FrrApplyBenchmark "${1:-5}" benchmarks/target/frr-apply.csv
