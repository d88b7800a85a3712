package io.openvni.southbound.openconfig.topology;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Component;

/**
 * Leaf switches whose {@code schema-directory} cannot be used (missing, unreadable, no YANG files), with why. The
 * {@link LeafTopologyManager} does not connect such a leaf (ODL would mount it with a schema the operator did not
 * give) and records it here on every pass; the leaf driver reports it as the device's failure, so it shows in the
 * device's status. The manager's pass runs again every few seconds, so fixing the directory heals the leaf.
 * Thread-safe.
 */
@Component(service = LeafSchemaProblems.class)
public final class LeafSchemaProblems {
    private final Map<String, String> problems = new ConcurrentHashMap<>();

    /** Why a leaf switch is not connected for its schema-directory, if it is not. */
    public Optional<String> of(final String leaf) {
        return Optional.ofNullable(problems.get(leaf));
    }

    /**
     * Records the problems of one pass; leaves not named have none.
     *
     * @param current leaf name to why it is not connected
     */
    public void replace(final Map<String, String> current) {
        problems.keySet().retainAll(current.keySet());
        problems.putAll(current);
    }
}
