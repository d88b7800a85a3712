#!/usr/bin/env bash
# JMH benchmark of the OpenVNI compiler: full compile of 1,000 devices x 500 networks, and one network change.
# Extra arguments go to JMH (e.g. -wi 1 -i 3 -f 1, or -p devices=2000).
set -euo pipefail
# shellcheck source=bench-lib.sh
source "$(dirname "$0")/bench-lib.sh"
bench_init bench-compiler
bench_package
results=benchmarks/target/jmh-compiler.csv
"$JAVA_HOME/bin/java" -cp "$(bench_classpath)" \
  org.openjdk.jmh.Main io.openvni.benchmarks.CompilerBenchmark -rf csv -rff "$results" "$@"
# The baseline is the full compile of the same fabric, measured in the same run.
echo
echo "one network change vs full compile of the same fabric (same run):"
awk -F, 'NR > 1 {
    gsub(/"/, "")
    name = $1; sub(/.*\./, "", name)
    key = $8 " devices, " $9 " networks, each on " $11 " of the racks"
    score[key, name] = $5
    keys[key] = 1
  }
  END {
    for (key in keys) {
      full = score[key, "fullCompile"]; change = score[key, "oneNetworkChange"]
      if (full > 0 && change > 0) {
        printf "  %s: full %.1f ms, change %.2f ms, %.1fx faster\n", key, full, change, full / change
      }
    }
  }' "$results"
