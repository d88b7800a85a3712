package io.openvni.southbound.frr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How one vtysh -E process's answers to several commands are told apart. */
class VtyshShowTest {
    private static final List<String> SHOW = List.of("show running-config", "show evpn vni json",
        "show interface vrf all brief json");

    @Test
    void oneProcessRunsTheCommandsInOrder() {
        assertEquals("vtysh -N ovt -E -c 'show running-config' -c 'show evpn vni json' -c 'show interface vrf all"
            + " brief json'", VtyshShow.command("vtysh -N ovt", SHOW));
    }

    @Test
    void answersAreSplitAtTheEchoedPrompts() {
        final var output = List.of("% Can't open configuration file /etc/frr/ovt/vtysh.conf due to 'No such file'.",
            "node1# show running-config", "Building configuration...", "", "Current configuration:", "!",
            "hostname node1", "end", "node1# show evpn vni json", "{", "}", "node1# show interface vrf all brief json",
            "{\"lo\":{}}");
        assertEquals(List.of("Building configuration...\n\nCurrent configuration:\n!\nhostname node1\nend\n", "{\n}\n",
            "{\"lo\":{}}\n"), VtyshShow.answers(output, SHOW));
    }

    @Test
    void vtyshStoppingAtAFailedCommandLeavesOnlyTheAnswersBeforeIt() {
        final var output = List.of("node1# show running-config", "Current configuration:", "end",
            "node1# show evpn vni json", "% Unknown command: show evpn vni json");
        assertEquals(2, VtyshShow.answers(output, SHOW).size());
        assertEquals(List.of(""), VtyshShow.answers(List.of("Exiting: failed to connect to any daemons."), SHOW));
    }

    @Test
    void onlyAHostnameAPromptAndTheCommandMakeAPrompt() {
        assertTrue(VtyshShow.isPrompt("node-1.example# show running-config", "show running-config"));
        assertFalse(VtyshShow.isPrompt("# show running-config", "show running-config"));
        assertFalse(VtyshShow.isPrompt(" description x# show running-config", "show running-config"));
        assertFalse(VtyshShow.isPrompt("node1(config)# show running-config", "show evpn vni json"));
        assertFalse(VtyshShow.isPrompt("node1#  show running-config", "show running-config"));
    }
}
