package io.openvni.southbound.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * How {@link NodeSessions#exec} tells a command's own ending from a lost session ({@link ChannelEnding}).
 */
class ChannelEndingTest {
    @Test
    void aChannelEndsAsTheCommandsResultUnlessTheSessionWasLost() {
        assertEquals(new ChannelEnding(2, ""), ChannelEnding.of(2, null, false));
        assertEquals(new ChannelEnding(-1, "\n(the command was killed by signal TERM)"),
            ChannelEnding.of(null, "TERM", true));
        assertEquals(new ChannelEnding(-1, "\n(the node closed the channel without an exit status)"),
            ChannelEnding.of(null, null, true));
        assertEquals(null, ChannelEnding.of(null, null, false));
    }
}
