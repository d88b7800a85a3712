package io.openvni.southbound.spi;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The changes that bring a device's owned configuration to the desired one, in the order the driver applies them.
 *
 * @param changes the changes; empty when the device is in sync
 * @param <X> the driver's change type
 */
public record ChangeSet<X extends Change>(List<X> changes) {
    /** How many change lines {@link #describe(int)} shows by default before summarising the rest. */
    public static final int DESCRIBE_LINES = 20;

    public ChangeSet {
        changes = List.copyOf(changes);
    }

    /**
     * The empty change set.
     *
     * @param <X> the driver's change type
     * @return a change set without changes
     */
    public static <X extends Change> ChangeSet<X> empty() {
        return new ChangeSet<>(List.of());
    }

    /**
     * Whether there is nothing to write.
     *
     * @return {@code true} if the device already runs the desired configuration
     */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /**
     * Readable text of the changes, one per line; beyond {@code maxLines} the rest is counted, not listed, so that a
     * device that lost everything does not flood the status.
     *
     * @param maxLines the most changes to list
     * @return the text, empty for an empty change set
     */
    public String describe(final int maxLines) {
        final var shown = changes.stream().limit(maxLines).map(Change::describe).collect(Collectors.joining("\n"));
        final int hidden = changes.size() - maxLines;
        return hidden > 0 ? shown + "\n... and " + hidden + " more" : shown;
    }

    /**
     * Readable text of the changes, at most {@value #DESCRIBE_LINES} lines.
     *
     * @return the text, empty for an empty change set
     */
    public String describe() {
        return describe(DESCRIBE_LINES);
    }
}
