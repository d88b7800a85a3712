#!/usr/bin/env bash
# How the OpenConfig leaf driver's pure parts (render, parse, owned entries, diff, edit trees, edit-config XML)
# scale with the networks on one leaf: each step for N and 4N pure L2 networks (N = 1000 unless given) and their
# ratio, about 4x for a linear step. Needs the OpenConfig set ../shared/yang/openconfig-netconfd beside the
# repository (or -Dopenvni.openconfig.yang=DIR in JAVA_OPTS).
# Usage: scripts/bench-leaf-driver.sh [N]
set -euo pipefail
# shellcheck source=bench-lib.sh
source "$(dirname "$0")/bench-lib.sh"
bench_init bench-leaf-driver
module=southbound/openconfig-netconf
./mvnw -q -B --no-transfer-progress -pl "$module" -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath
cd "$module"
# shellcheck disable=SC2086
exec "$JAVA_HOME/bin/java" -Xms1g -Xmx2g ${JAVA_OPTS:-} \
  -cp "target/test-classes:target/classes:$(cat target/test.classpath)" \
  io.openvni.southbound.openconfig.LeafDriverScale "$@"
