package io.openvni.southbound.openconfig.topology;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.opendaylight.mdsal.binding.api.RpcService;
import org.opendaylight.yang.gen.v1.urn.opendaylight.params.xml.ns.yang.controller.md.sal.cluster.admin.rev250131.DataStoreType;
import org.opendaylight.yang.gen.v1.urn.opendaylight.params.xml.ns.yang.controller.md.sal.cluster.admin.rev250131.GetShardRole;
import org.opendaylight.yang.gen.v1.urn.opendaylight.params.xml.ns.yang.controller.md.sal.cluster.admin.rev250131.GetShardRoleInputBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.params.xml.ns.yang.controller.md.sal.cluster.admin.rev250131.MakeLeaderLocal;
import org.opendaylight.yang.gen.v1.urn.opendaylight.params.xml.ns.yang.controller.md.sal.cluster.admin.rev250131.MakeLeaderLocalInputBuilder;
import org.opendaylight.yang.gen.v1.urn.opendaylight.params.xml.ns.yang.controller.md.sal.cluster.admin.rev250131.ShardName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the leadership of the datastore shard that holds ODL's NETCONF topology to this cluster member. ODL's
 * NETCONF topology ({@code odl-netconf-topology}) connects nodes only on the member leading that shard: it listens
 * to the configuration datastore as a leader-only listener. OpenVNI drives the leaves through the mount points of
 * the member that runs its controller, so in a cluster that member must lead the shard. Uses ODL's cluster
 * administration RPCs ({@code get-shard-role}, then {@code make-leader-local}); a single controller always leads,
 * and an OpenDaylight without them (no clustered datastore) is left alone.
 */
final class TopologyShardLeadership {
    private static final Logger LOG = LoggerFactory.getLogger(TopologyShardLeadership.class);
    /** Where ODL's module-shards.conf puts network-topology; without that shard, it is in the default one. */
    private static final List<String> SHARDS = List.of("topology", "default");
    private static final String LEADER = "Leader";
    private static final long ROLE_TIMEOUT_SECONDS = 10;
    // make-leader-local may wait two election timeouts for this member to catch up
    private static final long MOVE_TIMEOUT_SECONDS = 60;

    private final RpcService rpcs;

    TopologyShardLeadership(final RpcService rpcs) {
        this.rpcs = rpcs;
    }

    /**
     * Makes this member lead the NETCONF topology's configuration shard, if it does not yet.
     *
     * @return true if this member leads it now (or there is nothing to lead: no clustered datastore); false if the
     *         leadership could not be moved here (logged; the next call tries again)
     * @throws InterruptedException if interrupted while waiting for an answer
     */
    boolean takeOver() throws InterruptedException {
        for (String shard : SHARDS) {
            final String role;
            try {
                final var answer = rpcs.getRpc(GetShardRole.class).invoke(new GetShardRoleInputBuilder()
                    .setShardName(new ShardName(shard)).setDataStoreType(DataStoreType.Config).build())
                    .get(ROLE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                if (!answer.isSuccessful()) {
                    // no such shard on this member: try the next
                    continue;
                }
                role = answer.getResult().getRole();
            } catch (ExecutionException | TimeoutException e) {
                LOG.debug("No shard roles from ODL's cluster administration, so no leadership to move", e);
                return true;
            }
            if (LEADER.equals(role)) {
                return true;
            }
            return move(shard, role);
        }
        return true;
    }

    private boolean move(final String shard, final String role) throws InterruptedException {
        LOG.info("NETCONF topology: this member runs the OpenVNI controller but is {} of shard {}, where ODL connects "
            + "the leaves; taking over its leadership", role == null ? "no member" : role, shard);
        try {
            final var answer = rpcs.getRpc(MakeLeaderLocal.class).invoke(new MakeLeaderLocalInputBuilder()
                .setShardName(new ShardName(shard)).setDataStoreType(DataStoreType.Config).build())
                .get(MOVE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (answer.isSuccessful()) {
                LOG.info("NETCONF topology: this member leads shard {} now", shard);
                return true;
            }
            LOG.warn("NETCONF topology: could not lead shard {} ({}); trying again at the next pass", shard,
                answer.getErrors());
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("NETCONF topology: could not lead shard {}; trying again at the next pass", shard, e);
        }
        return false;
    }
}
