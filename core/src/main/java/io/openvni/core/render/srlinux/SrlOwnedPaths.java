package io.openvni.core.render.srlinux;

import io.openvni.core.compile.DeviceIntent;
import io.openvni.core.compile.EvpnSegment;
import io.openvni.core.compile.EvpnVrf;
import io.openvni.core.compile.Platform.LeafPlatform;
import io.openvni.core.render.openconfig.OwnedPaths;
import io.openvni.core.render.openconfig.OwnedPaths.KeyPrefix;
import io.openvni.core.render.openconfig.OwnedPaths.ListEntry;
import io.openvni.core.render.openconfig.OwnedPaths.OwnedNode;
import java.util.ArrayList;
import java.util.stream.Stream;

/**
 * What OpenVNI owns on an SR Linux leaf switch, in the same terms as on an OpenConfig one ({@link OwnedPaths}):
 * network instances by the name prefix {@value SrlNames#INSTANCE_PREFIX}, and by entry the VXLAN interfaces of
 * its VNIs in {@value SrlNames#TUNNEL_INTERFACE}, the anycast-gateway subinterfaces of
 * {@value SrlNames#IRB_INTERFACE} and the VLAN subinterfaces of the access interfaces. Entries are owned by
 * entry, not by their parent, because the tunnel, IRB and access interfaces may hold the operator's own
 * subinterfaces; as for OpenConfig SVIs, the reconciler owns the union of the last applied and the desired
 * rendering's entries, so an entry the intent drops is still deleted.
 *
 * <p>The access interfaces, {@value SrlNames#IRB_INTERFACE} and {@value SrlNames#TUNNEL_INTERFACE} appear in the
 * rendering only as parents of owned entries (plus the access interfaces' {@code vlan-tagging}): merged, never
 * replaced or deleted.
 */
public final class SrlOwnedPaths {
    private static final String INTERFACE = "/" + SrlinuxRenderer.INTERFACE;
    private static final String VXLAN_INTERFACES = "/" + SrlinuxRenderer.TUNNEL_INTERFACE
        + key("name", SrlNames.TUNNEL_INTERFACE) + "/vxlan-interface";

    private SrlOwnedPaths() {
        // static only
    }

    /** What OpenVNI owns on an SR Linux leaf switch with this intent. */
    public static OwnedPaths of(final DeviceIntent intent) {
        final var nodes = new ArrayList<OwnedNode>();
        nodes.add(new KeyPrefix("/" + SrlinuxRenderer.NETWORK_INSTANCE, "name", SrlNames.INSTANCE_PREFIX));
        Stream.concat(intent.segments().stream().map(EvpnSegment::vni), intent.vrfs().stream().map(EvpnVrf::vni))
            .sorted()
            .map(vni -> new ListEntry(VXLAN_INTERFACES + key("index", Long.toString(vni))))
            .forEach(nodes::add);
        final var vlans = intent.segments().stream().mapToInt(EvpnSegment::vlan).sorted().toArray();
        final var routedVlans = intent.segments().stream()
            .filter(segment -> segment.vrf() != null)
            .mapToInt(EvpnSegment::vlan)
            .sorted()
            .toArray();
        for (var vlan : routedVlans) {
            nodes.add(subinterface(SrlNames.IRB_INTERFACE, vlan));
        }
        if (intent.platform() instanceof LeafPlatform platform) {
            for (var port : platform.accessInterfaces().stream().sorted().toList()) {
                for (var vlan : vlans) {
                    nodes.add(subinterface(port, vlan));
                }
            }
        }
        return new OwnedPaths(nodes);
    }

    private static ListEntry subinterface(final String iface, final int index) {
        return new ListEntry(INTERFACE + key("name", iface) + "/subinterface" + key("index", Integer.toString(index)));
    }

    // Key values are interface names and numbers: none contains a quote.
    private static String key(final String name, final String value) {
        return "[" + name + "='" + value + "']";
    }
}
