#!/usr/bin/env bash
# The project's test command. Sets this machine up for the tests first (scripts/setup.sh tests: Debian packages,
# a JDK 21+, FRR's northbound gRPC module; as root on Debian 12 or 13; seconds when all is there), then builds
# everything, runs the unit tests, builds the Karaf distribution and runs the integration tests against it (it/,
# *IT classes). Every test JVM gets the test-support listener (test-support/, built first), which writes down each
# skipped test and class with its reason; at the end scripts/TestReports.java says how many tests passed, failed and
# were skipped and why they were skipped. The last line is "N passed, N failed, N skipped".
#
# Usage: scripts/test.sh [--no-setup] [--no-grpc] [Maven arguments...], e.g. scripts/test.sh -pl core -DskipITs
#   --no-setup   run on the machine as it is (no root needed; what needs a missing package, root or a lab skips)
#   --no-grpc    no FRR gRPC module (the gRPC tests are skipped, node1 of the node lab runs without gRPC)
# OPENVNI_REQUIRE_LABS=1 (CI sets it): a skipped test fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."

setup=1
setup_args=()
maven_args=()
offline=()
for arg in "$@"; do
    case "$arg" in
        --no-setup) setup=0 ;;
        --no-grpc) setup_args+=(--no-grpc); export OPENVNI_SKIP_FRR_GRPC=1 ;;
        *) maven_args+=("$arg") ;;
    esac
    case "$arg" in -o|--offline) offline=("$arg") ;; esac
done
if [ "$setup" = 1 ]; then
    scripts/setup.sh tests "${setup_args[@]}" --rerun "scripts/test.sh${*:+ $*}"
fi
# shellcheck source=select-jdk.sh
source scripts/select-jdk.sh
echo "test: JDK ${OPENVNI_JAVA_VERSION} at ${JAVA_HOME}" >&2

# the reports written after this file are this run's
started=$(mktemp)
trap 'rm -f "$started"' EXIT
# failsafe adds each execution's counts to the summary file it finds, so one left by an earlier run in this tree
# would fail this one (a run by name executes only one of the it module's two executions)
rm -f ./*/target/failsafe-reports/failsafe-summary.xml
echo "test: building the listener that records skipped tests (test-support/)" >&2
./mvnw -B -q --no-transfer-progress "${offline[@]}" -Pq package -pl test-support \
    || { echo "test: cannot build test-support/"; exit 1; }
status=0
./mvnw -B --no-transfer-progress verify "-Dmaven.test.additionalClasspath=$PWD/test-support/target/classes" \
    "${maven_args[@]}" || status=$?
echo
summary_args=(--newer-than "$started")
[ "${OPENVNI_REQUIRE_LABS:-0}" = 1 ] && summary_args+=(--fail-on-skipped)
if [ "$status" != 0 ]; then
    echo "test: Maven failed (exit $status); its own report is above"
fi
"$JAVA_HOME/bin/java" scripts/TestReports.java "${summary_args[@]}" . || { [ "$status" != 0 ] || status=1; }
exit "$status"
