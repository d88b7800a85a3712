#!/usr/bin/env bash
# The pure work of one pass over a big node router at 100, 1,000 and 4,000 networks, same run: rendering the intent,
# parsing what a read returns, diffing (in sync, fresh node, every network removed). Prints CPU time, cost per
# network relative to the smallest size, and bytes allocated. Arguments: sizes (comma-separated), repetitions.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  JAVA_HOME=$(scripts/select-jdk.sh)
  export JAVA_HOME
fi
./mvnw -q -B -pl benchmarks -am package -Pq
"$JAVA_HOME/bin/java" -Xmx3g \
  -cp "benchmarks/target/openvni-benchmarks-0.1.0-SNAPSHOT.jar:$(cat benchmarks/target/benchmark.classpath)" \
  io.openvni.benchmarks.NodeScaleBenchmark "$@"
