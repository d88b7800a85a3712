package io.openvni.southbound.openconfig;

import io.openvni.southbound.openconfig.NetconfOperations.DeviceException;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Sends a pass's changes as consecutive parts of at most a given number of entries, in their order, within one
 * candidate transaction. A part the device refuses as too big ({@link DeviceException#tooBig()}) is sent again as
 * its first half, and the rest of the pass goes in parts no bigger; a single entry refused as too big is a failure.
 * Every change is {@code replace} or {@code remove} of a whole entry under merged parents, so sending a part again
 * after a refusal changes nothing that the refused request might have left behind.
 *
 * <p>Consecutive parts keep the candidate valid after each one: changes come in dependency order (see
 * {@link OpenConfigDiff}), so what a part refers to was written by it or before it, and what a part removes is no
 * longer referred to by anything written. Strict servers check that after every {@code edit-config}.
 */
final class EditParts {
    /** Sends one part: one {@code edit-config}. */
    @FunctionalInterface
    interface Sender<X> {
        /**
         * Sends the part.
         *
         * @param part consecutive changes
         * @throws DeviceException if the device did not take it
         */
        void send(List<X> part) throws DeviceException;
    }

    private EditParts() {
        // static only
    }

    /**
     * Sends every change, in order.
     *
     * @param changes the changes, in dependency order
     * @param maxEntries the most changes per part
     * @param sender sends one part
     * @param sent told how many changes the device has taken so far, after each part
     * @param <X> the change type
     * @return the part size the device last took: the most to try first in this session's next pass
     * @throws DeviceException the first failure that splitting cannot cure
     */
    static <X> int send(final List<X> changes, final int maxEntries, final Sender<X> sender, final IntConsumer sent)
            throws DeviceException {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive: " + maxEntries);
        }
        int size = maxEntries;
        int done = 0;
        while (done < changes.size()) {
            final var part = changes.subList(done, Math.min(changes.size(), done + size));
            try {
                sender.send(part);
            } catch (DeviceException e) {
                if (!e.tooBig() || part.size() == 1) {
                    throw e;
                }
                size = part.size() / 2;
                continue;
            }
            done += part.size();
            sent.accept(done);
        }
        return size;
    }
}
