#!/usr/bin/env bash
# The pure work of one pass over a big node router at 100, 1,000 and 4,000 networks, same run: rendering the intent,
# parsing what a read returns, diffing (in sync, fresh node, every network removed). Prints CPU time, cost per
# network relative to the smallest size, and bytes allocated. Arguments: sizes (comma-separated), repetitions.
set -euo pipefail
# shellcheck source=bench-lib.sh
source "$(dirname "$0")/bench-lib.sh"
bench_init bench-node-scale
bench_package
"$JAVA_HOME/bin/java" -Xmx3g \
  -cp "$(bench_classpath)" \
  io.openvni.benchmarks.NodeScaleBenchmark "$@"
