package io.openvni.core.render.frr;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The part of a node router's FRR configuration that OpenVNI owns, as ordered stanzas.
 *
 * <p>OpenVNI owns the global line {@code evpn mh startup-delay}, every {@code vrf ovrf<l3vni>} stanza, the default
 * {@code router bgp <asn>} stanza and every {@code router bgp <asn> vrf ovrf<l3vni>} stanza; everything else in the running configuration (hostname, logging,
 * interfaces, route maps, other VRFs) belongs to the operator and is left alone. See {@link #isOwned(String)}.
 *
 * <p>The FRR driver reads a node's running configuration into this model too ({@link #read}), so rendered and
 * read configurations are compared as one type.
 *
 * @param stanzas the stanzas, in the order FRR prints them after loading them into a fresh daemon
 */
public record FrrConfig(List<FrrStanza> stanzas) {
    private static final Pattern OWNED_HEADER = Pattern.compile(
        "vrf ovrf\\d+|router bgp \\d+( vrf ovrf\\d+)?|evpn mh startup-delay \\d+");
    private static final Pattern DEFAULT_BGP = Pattern.compile("router bgp \\d+");

    public FrrConfig {
        stanzas = List.copyOf(stanzas);
    }

    /**
     * Whether a top-level stanza of a running configuration, given by its first line, is owned by OpenVNI.
     */
    public static boolean isOwned(final String header) {
        return OWNED_HEADER.matcher(header).matches();
    }

    /**
     * Whether a top-level stanza is the default BGP instance, which OpenVNI shares with the operator: it owns only
     * some of its lines.
     */
    public static boolean isDefaultBgp(final String header) {
        return DEFAULT_BGP.matcher(header).matches();
    }

    /** The stanzas of a configuration text (a running configuration, or a rendering's text) as read. */
    public static FrrConfig read(final String text) {
        return new FrrConfig(ConfigTree.parse(text).stream().<FrrStanza>map(FrrStanza.Read::new).toList());
    }

    /** This configuration as a read-back of it finds it, stanza by stanza: the form comparisons use. */
    public FrrConfig asRead() {
        return read(text());
    }

    /**
     * The configuration as FRR 8.4's {@code show running-config} prints these stanzas: each stanza followed by a
     * {@code !} line, lines terminated by {@code \n}. Stanzas {@link FrrStanza.Read read} print as their tree, without
     * the {@code !} lines FRR puts inside a stanza.
     */
    public String text() {
        final var text = new StringBuilder();
        for (var stanza : stanzas) {
            stanza.lines().forEach(line -> text.append(line).append('\n'));
            text.append("!\n");
        }
        return text.toString();
    }
}
