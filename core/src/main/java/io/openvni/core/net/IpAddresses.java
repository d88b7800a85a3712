package io.openvni.core.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Parses IP address literals without ever asking a resolver.
 */
public final class IpAddresses {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private IpAddresses() {
        // utility
    }

    /**
     * Parses an IPv4 or IPv6 literal.
     *
     * @throws IllegalArgumentException naming why the text is not an address
     */
    public static InetAddress parse(final String text) {
        final var matcher = IPV4.matcher(text);
        if (matcher.matches()) {
            final byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                final int octet = Integer.parseInt(matcher.group(i + 1));
                if (octet > 255) {
                    throw new IllegalArgumentException("'" + text + "' is not an IPv4 address: octet " + octet
                        + " is over 255");
                }
                bytes[i] = (byte) octet;
            }
            return byAddress(bytes, text);
        }
        if (text.indexOf(':') >= 0 && text.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
            try {
                // A literal containing ':' is parsed as IPv6 and never resolved.
                return InetAddress.getByName(text);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("'" + text + "' is not an IPv6 address", e);
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not an IP address");
    }

    /**
     * Parses an IPv4 literal.
     *
     * @throws IllegalArgumentException naming why the text is not an IPv4 address
     */
    public static Inet4Address parseIpv4(final String text) {
        if (parse(text) instanceof Inet4Address v4) {
            return v4;
        }
        throw new IllegalArgumentException("'" + text + "' is not an IPv4 address");
    }

    /** The address as an unsigned 32-bit value. */
    public static long toLong(final Inet4Address address) {
        long value = 0;
        for (byte b : address.getAddress()) {
            value = value << 8 | b & 0xFF;
        }
        return value;
    }

    /** The IPv4 address of an unsigned 32-bit value. */
    public static Inet4Address fromLong(final long value) {
        final byte[] bytes = { (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value };
        return (Inet4Address) byAddress(bytes, Long.toString(value));
    }

    private static InetAddress byAddress(final byte[] bytes, final String text) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address", e);
        }
    }
}
