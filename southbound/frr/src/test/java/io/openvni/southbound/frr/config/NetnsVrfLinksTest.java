package io.openvni.southbound.frr.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Against output of Debian's FRR as captured in {@code src/test/resources/frr-releases/<release>/} (8.4.4 on Debian
 * 12, 10.3 on Debian 13): the daemons started as the node lab starts them ({@code zebra -n}, bgpd, on FRR 10
 * {@code mgmtd -w}; pathspace node1), namespaces {@code ovrf50000} and {@code other} created, then a vtysh session
 * on standard input ({@code netns-session.out}, {@code .err}): {@code vrf ovrf50000}, {@code vni 50000},
 * {@code netns /run/netns/ovrf50000}, {@code exit-vrf}, {@code router bgp 65101} with a router id and
 * {@code advertise-all-vni}; and {@code show running-config} after it ({@code running-netns-vrf.txt}).
 */
class NetnsVrfLinksTest {
    private static final OwnedScope SCOPE = new OwnedScope(Set.of(), Set.of(), Set.of(50000L));
    private static final Set<String> NAMESPACES = Set.of("ovrf50000");

    @Test
    void frr10sRunningConfigShowsTheVrfAsFrr84Does() throws IOException {
        final String frr84 = captured("8.4", "running-netns-vrf.txt");
        final String frr10 = captured("10.3", "running-netns-vrf.txt");
        assertNotEquals(OwnedFrr.fromRunning(frr84, SCOPE), OwnedFrr.fromRunning(frr10, SCOPE));
        assertEquals(OwnedFrr.fromRunning(frr84, SCOPE),
            OwnedFrr.fromRunning(NetnsVrfLinks.shownAsStated(frr10, NAMESPACES), SCOPE));
        // the line goes last in the block, where FRR 8.4 shows it and the renderer writes it
        assertEquals(List.of("vrf ovrf50000", " vni 50000", " netns /run/netns/ovrf50000", "exit-vrf"),
            NetnsVrfLinks.shownAsStated(frr10, NAMESPACES).lines().dropWhile(line -> !line.equals("vrf ovrf50000"))
                .limit(4).toList());
    }

    @Test
    void frr84sRunningConfigAndAVrfWithoutItsNamespaceStayAsTheyAre() throws IOException {
        final String frr84 = captured("8.4", "running-netns-vrf.txt");
        assertEquals(frr84, NetnsVrfLinks.shownAsStated(frr84, NAMESPACES));
        final String frr10 = captured("10.3", "running-netns-vrf.txt");
        // a VRF whose namespace is gone is linked to none
        assertEquals(frr10, NetnsVrfLinks.shownAsStated(frr10, Set.of()));
    }

    @Test
    void frr10sNoticesAboutTheNetnsLineOfItsOwnVrfAreNoComplaint() throws IOException {
        for (var release : List.of("8.4", "10.3")) {
            assertEquals(List.of(), VtyshOutput.errors(captured(release, "netns-session.out"),
                captured(release, "netns-session.err")), release);
        }
        // a namespace that is not the VRF's own is a link FRR 10 does not make
        final String other = captured("10.3", "netns-session.out").replace(" netns /run/netns/ovrf50000",
            " netns /run/netns/other");
        assertEquals(List.of("netns /run/netns/other -> % This command doesn't do anything.",
            "netns /run/netns/other -> % VRF is linked to a netns automatically based on its name."),
            VtyshOutput.errors(other, ""));
    }

    private static String captured(final String release, final String file) throws IOException {
        return Files.readString(Path.of("src/test/resources/frr-releases", release, file));
    }
}
