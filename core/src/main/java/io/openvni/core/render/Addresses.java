package io.openvni.core.render;

import io.openvni.core.net.IpAddresses;
import io.openvni.core.net.IpPrefix;
import java.net.Inet4Address;
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

    private static final int IPV6_GROUPS = 8;

    private Addresses() {
        // utility
    }

    /** The canonical text of an address literal. */
    public static String canonical(final String address) {
        return canonical(IpAddresses.parse(address));
    }

    /** The canonical text of an address. */
    public static String canonical(final InetAddress address) {
        if (address instanceof Inet4Address) {
            return address.getHostAddress();
        }
        final byte[] bytes = address.getAddress();
        final int[] groups = new int[IPV6_GROUPS];
        for (int i = 0; i < IPV6_GROUPS; i++) {
            groups[i] = (bytes[2 * i] & 0xFF) << 8 | bytes[2 * i + 1] & 0xFF;
        }
        // The longest run of at least two zero groups, the first one on a tie.
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < IPV6_GROUPS; i++) {
            int length = 0;
            while (i + length < IPV6_GROUPS && groups[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        final var text = new StringBuilder();
        for (int i = 0; i < IPV6_GROUPS; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
            } else {
                if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
                    text.append(':');
                }
                text.append(Integer.toHexString(groups[i]));
            }
        }
        return text.toString();
    }

    /** The canonical text of an address with prefix length, as in {@code 2001:db8::1/64}. */
    public static String canonicalPrefix(final String prefix) {
        final var parsed = IpPrefix.parse(prefix);
        return canonical(parsed.address()) + "/" + parsed.length();
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
