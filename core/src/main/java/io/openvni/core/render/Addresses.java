package io.openvni.core.render;

import com.google.common.net.InetAddresses;
import io.openvni.core.net.IpAddresses;
import io.openvni.core.net.IpPrefix;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Addresses as devices print them. Devices answer with canonical text (RFC 5952 for IPv6: lower case, no leading
 * zeros, the longest run of zero groups shortened to {@code ::}), so rendering the same text keeps diffs stable
 * whatever way the operator wrote an address.
 */
public final class Addresses {
    /** IPv4 before IPv6, then by address value: the order FRR keeps neighbors in. */
    public static final Comparator<String> ORDER = Comparator.comparing(Addresses::key, Arrays::compareUnsigned);

    private Addresses() {
        // utility
    }

    /** The canonical text of an address literal. */
    public static String canonical(final String address) {
        return canonical(IpAddresses.parse(address));
    }

    /** The canonical text of an address (RFC 5952 for IPv6, dotted quad for IPv4). */
    public static String canonical(final InetAddress address) {
        return InetAddresses.toAddrString(address);
    }

    /** The canonical text of an address with prefix length, as in {@code 2001:db8::1/64}. */
    public static String canonicalPrefix(final String prefix) {
        return canonical(IpPrefix.parse(prefix));
    }

    /** The canonical text of a prefix, as in {@code 2001:db8::/48}; Java's own text is the full IPv6 form. */
    public static String canonical(final IpPrefix prefix) {
        return canonical(prefix.address()) + "/" + prefix.length();
    }

    // An IPv4 key is shorter than any IPv6 key, so IPv4 sorts first.
    private static byte[] key(final String address) {
        final byte[] bytes = IpAddresses.parse(address).getAddress();
        final byte[] key = new byte[bytes.length + 1];
        key[0] = (byte) bytes.length;
        System.arraycopy(bytes, 0, key, 1, bytes.length);
        return key;
    }
}
