package io.openvni.southbound.frr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How one vtysh -E process's answers to the read's three commands are told apart. */
class NodeReaderTest {
    @Test
    void answersAreSplitAtTheEchoedPrompts() {
        final var output = List.of("% Can't open configuration file /etc/frr/ovt/vtysh.conf due to 'No such file'.",
            "node1# show running-config", "Building configuration...", "", "Current configuration:", "!",
            "hostname node1", "end", "node1# show evpn vni json", "{", "}", "node1# show interface vrf all brief json",
            "{\"lo\":{}}");
        assertEquals(List.of("Building configuration...\n\nCurrent configuration:\n!\nhostname node1\nend\n", "{\n}\n",
            "{\"lo\":{}}\n"), NodeReader.answers(output));
    }

    @Test
    void vtyshStoppingAtAFailedCommandLeavesOnlyTheAnswersBeforeIt() {
        final var output = List.of("node1# show running-config", "Current configuration:", "end",
            "node1# show evpn vni json", "% Unknown command: show evpn vni json");
        assertEquals(2, NodeReader.answers(output).size());
        assertEquals(List.of(""), NodeReader.answers(List.of("Exiting: failed to connect to any daemons.")));
    }

    @Test
    void onlyAHostnameAPromptAndTheCommandMakeAPrompt() {
        assertTrue(NodeReader.isPrompt("node-1.example# show running-config", "show running-config"));
        assertFalse(NodeReader.isPrompt("# show running-config", "show running-config"));
        assertFalse(NodeReader.isPrompt(" description x# show running-config", "show running-config"));
        assertFalse(NodeReader.isPrompt("node1(config)# show running-config", "show evpn vni json"));
        assertFalse(NodeReader.isPrompt("node1#  show running-config", "show running-config"));
    }
}
