package io.openvni.core.validation;

import io.openvni.core.net.IpPrefix;
import java.net.Inet6Address;

/**
 * Formats prefixes for error messages the way operators write them: IPv6 in the compressed form of RFC 5952
 * ({@code 2001:db8::/48}) rather than Java's full form.
 */
final class Prefixes {
    private static final int GROUPS = 8;

    private Prefixes() {
        // utility
    }

    static String format(final IpPrefix prefix) {
        if (!(prefix.address() instanceof Inet6Address v6)) {
            return prefix.toString();
        }
        return compress(v6.getAddress()) + "/" + prefix.length();
    }

    private static String compress(final byte[] bytes) {
        final int[] groups = new int[GROUPS];
        for (int i = 0; i < GROUPS; i++) {
            groups[i] = (bytes[2 * i] & 0xFF) << 8 | bytes[2 * i + 1] & 0xFF;
        }
        // The longest run of at least two zero groups, the first one on a tie, becomes "::".
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < GROUPS; i++) {
            int j = i;
            while (j < GROUPS && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(i, j);
        }
        final var text = new StringBuilder();
        for (int i = 0; i < GROUPS; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
