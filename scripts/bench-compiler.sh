#!/usr/bin/env bash
# JMH benchmark of the OpenVNI compiler: full compile of 1,000 devices x 500 networks, and one network change.
# Extra arguments go to JMH (e.g. -wi 1 -i 3 -f 1, or -p devices=2000).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  JAVA_HOME=$(scripts/select-jdk.sh)
  export JAVA_HOME
fi
./mvnw -q -B -pl benchmarks -am install -DskipTests
exec "$JAVA_HOME/bin/java" -cp "benchmarks/target/openvni-benchmarks-0.1.0-SNAPSHOT.jar:$(cat benchmarks/target/benchmark.classpath)" \
  org.openjdk.jmh.Main io.openvni.benchmarks.CompilerBenchmark "$@"
