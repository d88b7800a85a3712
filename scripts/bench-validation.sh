#!/usr/bin/env bash
# JMH benchmark of admitting one big tenant as the commit cohort does (ValidationBenchmark): a valid tenant of 500,
# 1,000 and 4,000 networks, each with its own VRF (the baseline), and the same tenant with errors in every network,
# answered with the bounded report. JMH's summary lists both at every size, from the same run.
# Extra arguments go to JMH (e.g. -wi 1 -i 3, or -p networks=4000).
set -euo pipefail
# shellcheck source=bench-lib.sh
source "$(dirname "$0")/bench-lib.sh"
bench_init bench-validation
bench_package
"$JAVA_HOME/bin/java" -cp "$(bench_classpath)" org.openjdk.jmh.Main io.openvni.benchmarks.ValidationBenchmark "$@"
