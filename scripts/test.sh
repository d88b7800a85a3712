#!/usr/bin/env bash
# The project's test command: builds everything, runs the unit tests, builds the Karaf distribution and runs the
# integration tests against it (it/, *IT classes). Extra arguments go to Maven, e.g. scripts/test.sh -DskipITs
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=select-jdk.sh
source scripts/select-jdk.sh
echo "test: JDK ${OPENVNI_JAVA_VERSION} at ${JAVA_HOME}" >&2
exec ./mvnw -B --no-transfer-progress verify "$@"
