package io.openvni.core.allocation;

import java.util.OptionalLong;
import java.util.Set;

/**
 * Hands out the lowest values of an inclusive range that are not in a shared used set. Owners are served in
 * increasing order, so a cursor that only moves forward finds every value in amortized constant time.
 */
final class LowestFree {
    private final long last;
    private final Set<Long> used;
    private long cursor;

    /**
     * Creates a source over {@code first..last}; the range is empty when {@code first > last}.
     *
     * @param used values nobody may get; values handed out are added to it, so sources sharing it never repeat
     *     each other's values
     */
    LowestFree(final long first, final long last, final Set<Long> used) {
        this.cursor = first;
        this.last = last;
        this.used = used;
    }

    /** The lowest free value, now taken, or empty when the range is exhausted. */
    OptionalLong next() {
        while (cursor <= last && used.contains(cursor)) {
            cursor++;
        }
        if (cursor > last) {
            return OptionalLong.empty();
        }
        final long value = cursor++;
        used.add(value);
        return OptionalLong.of(value);
    }
}
