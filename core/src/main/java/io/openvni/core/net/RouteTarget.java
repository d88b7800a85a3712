package io.openvni.core.net;

import java.net.Inet4Address;

/**
 * A BGP route target (or route distinguisher value) in one of its three textual forms: {@code ASN2:NN4},
 * {@code ASN4:NN2} or {@code IPv4:NN2}.
 */
public record RouteTarget(String administrator, long assignedNumber) {
    private static final long MAX_2_BYTE = 0xFFFFL;
    private static final long MAX_4_BYTE = 0xFFFF_FFFFL;

    /**
     * Parses and range-checks a route target.
     *
     * @throws IllegalArgumentException naming why the text is not a route target
     */
    public static RouteTarget parse(final String text) {
        final int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1 || text.indexOf(':') != colon) {
            throw new IllegalArgumentException("'" + text + "' is not a route target (ASN:NN or IPv4:NN)");
        }
        final String admin = text.substring(0, colon);
        final long number = parseUnsigned(text.substring(colon + 1), text);
        if (admin.indexOf('.') >= 0) {
            final Inet4Address ignored;
            try {
                ignored = IpAddresses.parseIpv4(admin);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + text + "' is not a route target: " + e.getMessage(), e);
            }
            requireAtMost(number, MAX_2_BYTE, text, "with an IPv4 administrator the assigned number must be at "
                + "most 65535");
            return new RouteTarget(ignored.getHostAddress(), number);
        }
        final long asn = parseUnsigned(admin, text);
        if (asn == 0 || asn > MAX_4_BYTE) {
            throw new IllegalArgumentException("'" + text + "' is not a route target: ASN " + asn
                + " is out of range 1..4294967295");
        }
        if (asn > MAX_2_BYTE) {
            requireAtMost(number, MAX_2_BYTE, text, "with a 4-byte ASN the assigned number must be at most 65535");
        } else {
            requireAtMost(number, MAX_4_BYTE, text, "the assigned number must be at most 4294967295");
        }
        return new RouteTarget(Long.toString(asn), number);
    }

    /** The route target {@code asn:number}, checked as {@link #parse(String)} would. */
    public static RouteTarget of(final long asn, final long number) {
        return parse(asn + ":" + number);
    }

    @Override
    public String toString() {
        return administrator + ":" + assignedNumber;
    }

    private static long parseUnsigned(final String digits, final String text) {
        if (digits.isEmpty() || digits.length() > 10 || !digits.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("'" + text + "' is not a route target: '" + digits
                + "' is not a number");
        }
        return Long.parseLong(digits);
    }

    private static void requireAtMost(final long number, final long max, final String text, final String why) {
        if (number > max) {
            throw new IllegalArgumentException("'" + text + "' is not a route target: " + why);
        }
    }
}
