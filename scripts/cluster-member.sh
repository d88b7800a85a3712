#!/usr/bin/env bash
# Makes an unpacked OpenVNI distribution (a fresh Karaf home) member N of an M-member OpenDaylight cluster on this
# machine: its own ports on 127.0.0.1 and ODL's clustering configuration (configuration/initial/pekko.conf and
# module-shards.conf), written before the first start, so ODL's own copies (installed with the features) do not
# replace them. scripts/openvni-run.sh --cluster and the tests' ControllerCluster both use it.
#
# Usage: scripts/cluster-member.sh KARAF_HOME N M
#
# Ports of member N: RESTCONF 8181+10N (Netty RESTCONF 8182+10N), Karaf console 8101+10N, JMX RMI registry
# 1099+10N and server 44444+10N, OpenVNI metrics 8185+10N, Pekko 2550+N. Printed on stdout as name=port lines.
# Every member holds a replica of every shard (default, topology, inventory), so the datastore and the OpenVNI
# singleton survive the loss of any one member of three. Heap: OPENVNI_MEMBER_HEAP (default 768m); shard election
# timeout factor: OPENVNI_ELECTION_FACTOR (default 10, i.e. 5 s; ODL's own is 20).
set -euo pipefail

die() { echo "cluster-member: $*" >&2; exit 1; }
[ $# -eq 3 ] || die "usage: $0 KARAF_HOME N M"
HOME_DIR=$1 N=$2 M=$3
case "$N$M" in *[!0-9]*|'') die "N and M must be numbers: $N $M" ;; esac
[ "$M" -ge 1 ] && [ "$M" -le 9 ] || die "a cluster on one machine has 1 to 9 members, not $M"
[ "$N" -ge 1 ] && [ "$N" -le "$M" ] || die "member $N is not between 1 and $M"
[ -f "$HOME_DIR/etc/org.apache.karaf.shell.cfg" ] || die "$HOME_DIR is not an unpacked OpenVNI distribution"
HEAP=${OPENVNI_MEMBER_HEAP:-768m}

# set FILE SED-REGEX PORT: replaces the number the regex's first group precedes; fails if the setting is missing
set_port() {
    grep -Eq "$2[0-9]+" "$1" || die "$1 has no setting matching $2; cannot set port $3"
    sed -E -i "s/($2)[0-9]+/\\1$3/" "$1"
}

restconf=$((8181 + 10 * N))
restconf_netty=$((8182 + 10 * N))
ssh=$((8101 + 10 * N))
jmx_registry=$((1099 + 10 * N))
jmx_server=$((44444 + 10 * N))
metrics=$((8185 + 10 * N))
pekko=$((2550 + N))

etc=$HOME_DIR/etc
set_port "$etc/org.ops4j.pax.web.cfg" '^org\.osgi\.service\.http\.port *= *' "$restconf"
set_port "$etc/jetty.xml" 'name="jetty\.port" default="' "$restconf"
set_port "$etc/org.apache.karaf.shell.cfg" '^sshPort *= *' "$ssh"
set_port "$etc/org.apache.karaf.management.cfg" '^rmiRegistryPort *= *' "$jmx_registry"
set_port "$etc/org.apache.karaf.management.cfg" '^rmiServerPort *= *' "$jmx_server"
grep -q '^bind-port' "$etc/org.opendaylight.restconf.nb.rfc8040.cfg" \
    || printf '\n# cluster member %s: its own port\nbind-port=%s\n' "$N" "$restconf_netty" \
        >>"$etc/org.opendaylight.restconf.nb.rfc8040.cfg"
printf '# cluster member %s: its own port\nport = %s\n' "$N" "$metrics" >"$etc/io.openvni.metrics.cfg"
# A shard whose leader died elects another after heartbeat (500 ms) x this factor: ODL's 20 (10 s) is most of a
# failover here, since the leaves' topology shard must have a leader before it can move to the controller's new
# member; 10 (5 s) still rides out the pauses of three JVMs on two cores (OPENVNI_ELECTION_FACTOR overrides).
# The file comes with ODL's features at the first start, unless it is there: then it is written with the settings
# ODL 12.0.3 ships, and this factor.
datastore_cfg=$etc/org.opendaylight.controller.cluster.datastore.cfg
[ -f "$datastore_cfg" ] || cat >"$datastore_cfg" <<'CFG'
# cluster member: ODL's shipped datastore settings, with a shorter shard election timeout (scripts/cluster-member.sh)
shard-election-timeout-factor=20
operational.persistent=false
maximum-message-slice-size=491520
snapshot-on-root-overwrite=false
export-on-recovery=off
CFG
set_port "$datastore_cfg" '^shard-election-timeout-factor *= *' "${OPENVNI_ELECTION_FACTOR:-10}"
# three JVMs share the machine: a bounded heap each (ODL's scripts leave the JVM's default, a quarter of the RAM)
grep -q '^# cluster member heap' "$HOME_DIR/bin/setenv" \
    || printf '\n# cluster member heap\nEXTRA_JAVA_OPTS="${EXTRA_JAVA_OPTS} -Xmx%s"\n' "$HEAP" >>"$HOME_DIR/bin/setenv"

seeds= replicas=
for i in $(seq 1 "$M"); do
    seeds="$seeds${seeds:+, }\"pekko://opendaylight-cluster-data@127.0.0.1:$((2550 + i))\""
    replicas="$replicas${replicas:+, }\"member-$i\""
done
mkdir -p "$HOME_DIR/configuration/initial"
# the settings ODL's factory configuration (configuration/factory/pekko.conf) leaves to each member; it also
# brings the split-brain resolver (keep-majority) that downs a member the others lost, so its singletons move
cat >"$HOME_DIR/configuration/initial/pekko.conf" <<CONF
# Member $N of a $M-member cluster on 127.0.0.1 (scripts/cluster-member.sh)
odl-cluster-data {
  pekko {
    remote.artery {
      enabled = on
      transport = tcp
      canonical.hostname = "127.0.0.1"
      canonical.port = $pekko
    }
    cluster {
      seed-nodes = [$seeds]
      roles = ["member-$N"]
    }
  }
}
CONF
{
    echo "# Every shard on all $M members (scripts/cluster-member.sh)"
    echo "module-shards = ["
    for shard in default topology inventory; do
        echo "  { name = \"$shard\", shards = [ { name = \"$shard\", replicas = [$replicas] } ] },"
    done
    echo "]"
} >"$HOME_DIR/configuration/initial/module-shards.conf"

cat <<PORTS
restconf=$restconf
restconf-netty=$restconf_netty
ssh=$ssh
jmx-registry=$jmx_registry
jmx-server=$jmx_server
pekko=$pekko
metrics=$metrics
PORTS
