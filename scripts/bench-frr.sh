#!/usr/bin/env bash
# OpenVNI's FRR node driver vs frr-reload.py --reload on one real FRR 8.4 in private namespaces, same run: a small
# change, adding and deleting 200 L2VNIs; the driver with a read, from the previous pass's observation (no read),
# and with the devices already in place. Prints medians, spread and ratios; per-repetition CSV in benchmarks/target/.
# Needs root, Debian's frr + frr-pythontools and iproute2. Usage: scripts/bench-frr.sh [repetitions, default 5]
set -euo pipefail
if [ "$(id -u)" != 0 ] || [ ! -x /usr/lib/frr/frr-reload.py ]; then
  echo "needs root and frr, frr-pythontools (/usr/lib/frr/frr-reload.py)" >&2
  exit 2
fi
# shellcheck source=bench-lib.sh
source "$(dirname "$0")/bench-lib.sh"
bench_init bench-frr
bench_package
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
  -cp "$(bench_classpath)" \
  io.openvni.benchmarks.FrrApplyBenchmark "${1:-5}" benchmarks/target/frr-apply.csv
