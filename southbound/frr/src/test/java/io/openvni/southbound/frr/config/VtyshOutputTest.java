package io.openvni.southbound.frr.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class VtyshOutputTest {
    private static final String SESSION = """
        Hello, this is FRRouting (version 8.4.4).
        Copyright 1996-2005 Kunihiro Ishiguro, et al.

        node1# configure terminal
        node1(config)# vrf ovrf1
        node1(config-vrf)# netns /run/netns/ovrf1
        VRF 7 already configured with NETNS /run/netns/ovrf1
        node1(config-vrf)# exit-vrf
        node1(config)# router bgp 65201
        node1(config-router)# neighbor 10.0.0.9 remote-as bogus
        % Invalid command
        node1(config-router)# end
        """;

    @Test
    void aComplaintIsNamedWithItsCommandAndKnownNoticesAreNot() {
        assertEquals(List.of("neighbor 10.0.0.9 remote-as bogus -> % Invalid command"),
            VtyshOutput.errors(SESSION, "% Can't open configuration file /etc/frr/n1/vtysh.conf due to 'No such file'."));
    }

    @Test
    void frrsSlowEventLoopWarningsAreNotErrorsButOtherStandardErrorIs() {
        final String slow = """
            2026/12/07 06:59:46 [PHJDC-499N2][EC 100663314] STARVATION: task vtysh_rl_read (562df98e7d80) ran for \
            7830ms (cpu time 17ms)
            2026/12/07 06:59:47 [QH3JX-R6P4Z][EC 100663313] SLOW THREAD: task vtysh_rl_read (562df98e7d80) ran for \
            5200ms (cpu time 12ms)
            """;
        assertEquals(List.of(), VtyshOutput.errors("node1# end\n" + slow, slow));
        assertEquals(List.of("Exiting: failed to connect to any daemons."),
            VtyshOutput.errors("", slow + "Exiting: failed to connect to any daemons.\n"));
    }

    @Test
    void anOtherNetnsThanTheOneConfiguredIsAComplaint() {
        final String session = """
            node1(config)# vrf ovrf1
            node1(config-vrf)# netns /run/netns/ovrf1
            VRF 7 already configured with NETNS /run/netns/ovrf2
            """;
        assertEquals(List.of("netns /run/netns/ovrf1 -> VRF 7 already configured with NETNS /run/netns/ovrf2"),
            VtyshOutput.errors(session, ""));
    }

    // FRR 10.3 (Debian 13), vtysh -N t fed on standard input, as captured: its two lines about the pathspace's missing
    // vtysh.conf on standard error are no complaint; a command that mgmtd (FRR 9+) should take while it does not run
    // is one, though vtysh exits 0 and prints no "%"
    @Test
    void frr10sNoticesOfAMissingVtyshConfAreNotErrorsButAnAbsentMgmtdIs() {
        final String stderr = """
            % Can't open configuration file /etc/frr/t/vtysh.conf due to 'No such file or directory'.
            Configuration file[/etc/frr/t/frr.conf] processing failure: 11
            """;
        final String session = """

            Hello, this is FRRouting (version 10.3).
            Copyright 1996-2005 Kunihiro Ishiguro, et al.

            fresh-trixie# configure terminal
            fresh-trixie(config)# interface lo
            fresh-trixie(config-if)#  ip address 10.9.9.9/32
            mgmtd is not running
            fresh-trixie(config-if)# exit
            fresh-trixie(config)# router bgp 65001
            fresh-trixie(config-router)#  bgp router-id 1.1.1.1
            fresh-trixie(config-router)# exit
            fresh-trixie(config)# end
            fresh-trixie#\s
            """;
        assertEquals(List.of("ip address 10.9.9.9/32 -> mgmtd is not running"), VtyshOutput.errors(session, stderr));
        assertEquals(List.of(), VtyshOutput.errors(session.replace("mgmtd is not running\n", ""), stderr));
        assertEquals(List.of("Configuration file[/etc/frr/t/frr.conf] processing failure: 2"),
            VtyshOutput.errors("", "Configuration file[/etc/frr/t/frr.conf] processing failure: 2\n"));
    }
}
