package io.openvni.southbound.openconfig;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvni.core.compile.DeviceIntent;
import io.openvni.core.render.openconfig.OwnedPaths;
import java.util.List;
import java.util.Map;

/**
 * What the NETCONF leaf driver needs to know about one configuration dialect, and nothing more: the reading,
 * diffing, writing (one candidate transaction per pass, in parts), drift and status are the same for every dialect.
 * Implementations are pure.
 */
public interface LeafDialect {
    /**
     * The dialect's name, as in the fabric's {@code dialect} and the driver key {@code leaf-switch/<name>}.
     *
     * @return the name
     */
    String name();

    /**
     * The intent's rendering, RFC 7951 JSON whose members are {@link #tops()}.
     *
     * @param intent a leaf switch's intent in this dialect
     * @return the rendering
     */
    ObjectNode render(DeviceIntent intent);

    /**
     * What OpenVNI owns on a device with this intent (the core renderer's owned paths).
     *
     * @param intent a leaf switch's intent in this dialect
     * @return the owned paths
     */
    OwnedPaths owned(DeviceIntent intent);

    /**
     * The top-level nodes (containers or lists) the rendering has and the driver reads with {@code get-config}, as
     * qualified RFC 7951 member names ({@code module:name}), in the order their changes should be sent.
     *
     * @return the member names
     */
    List<String> tops();

    /**
     * Unprefixed members whose module differs from their parent's (an augmentation instantiated under its own
     * name), by member name: the rendering needs those modules too.
     *
     * @return module by member name
     */
    Map<String, String> impliedModules();

    /**
     * How an owned entry reads in a change description, for example {@code subinterface ethernet-1/1.100}.
     *
     * @param list the entry's list (local name)
     * @param key the entry's key value(s)
     * @param parentKey the key value(s) of the list entry it is in, or "" for an entry of a top-level list
     * @return the kind and the name
     */
    Description describe(String list, String key, String parentKey);

    /**
     * The order in which entries are written, by kind ({@code l3 network-instance} and {@code l2 network-instance}
     * for instances named {@code ovni-l3-*} and {@code ovni-l2-*}): strict devices check references as each edit
     * arrives, so what others point at comes first. Removals go in the opposite order, after all writes; kinds not
     * listed stand alone, after them.
     *
     * @return kinds, first written first
     */
    List<String> editOrder();

    /**
     * How an owned entry reads: {@code <kind> <name>}.
     *
     * @param kind what the entry is, e.g. {@code network-instance}
     * @param name which one
     */
    record Description(String kind, String name) {
    }
}
