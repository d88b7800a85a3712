package io.openvni.southbound.ssh;

import org.eclipse.jdt.annotation.Nullable;

/**
 * How a command's channel ended, when the command (not a lost session) ended it.
 *
 * @param status the exit status, -1 when there is none
 * @param note what to add to the command's standard error about an ending without an exit status
 */
record ChannelEnding(int status, String note) {
    /**
     * How a channel that closed ended.
     *
     * @param exitStatus the exit status the node sent, if any
     * @param exitSignal the signal that ended the command, if the node said so
     * @param sessionOpen whether the session is still open after the channel closed
     * @return the ending, or {@code null} when the session was lost before the command ended
     */
    static @Nullable ChannelEnding of(final @Nullable Integer exitStatus, final @Nullable String exitSignal,
            final boolean sessionOpen) {
        if (exitStatus != null) {
            return new ChannelEnding(exitStatus, "");
        }
        if (exitSignal != null) {
            return new ChannelEnding(-1, "\n(the command was killed by signal " + exitSignal + ")");
        }
        // the node answers but closed the channel itself: the node's doing, not the connection's
        return sessionOpen ? new ChannelEnding(-1, "\n(the node closed the channel without an exit status)") : null;
    }
}
