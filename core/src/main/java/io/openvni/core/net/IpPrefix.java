package io.openvni.core.net;

import static java.util.Objects.requireNonNull;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * An IP address with a prefix length, as in {@code 10.0.0.1/24}. The address need not be the network address:
 * gateways are written this way.
 */
public record IpPrefix(InetAddress address, int length) {
    public IpPrefix {
        requireNonNull(address);
        if (length < 0 || length > bits(address)) {
            throw new IllegalArgumentException("prefix length " + length + " is out of range for " + address);
        }
    }

    /**
     * Parses {@code address/length}.
     *
     * @throws IllegalArgumentException naming why the text is not a prefix
     */
    public static IpPrefix parse(final String text) {
        final int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("'" + text + "' has no prefix length (address/length)");
        }
        final var address = IpAddresses.parse(text.substring(0, slash));
        final int length;
        try {
            length = Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' has a malformed prefix length", e);
        }
        if (length < 0 || length > bits(address)) {
            throw new IllegalArgumentException("'" + text + "' has prefix length " + length + ", over "
                + bits(address));
        }
        return new IpPrefix(address, length);
    }

    public boolean isIpv4() {
        return address instanceof Inet4Address;
    }

    /** The prefix with all host bits cleared. */
    public IpPrefix network() {
        return new IpPrefix(toAddress(value().and(mask()), isIpv4()), length);
    }

    /** Whether {@code other} (an address) lies inside this prefix. */
    public boolean contains(final InetAddress other) {
        return bits(other) == bits(address) && new BigInteger(1, other.getAddress()).and(mask()).equals(
            value().and(mask()));
    }

    /** Whether the two prefixes share any address. */
    public boolean overlaps(final IpPrefix other) {
        if (isIpv4() != other.isIpv4()) {
            return false;
        }
        final var shorter = length <= other.length ? this : other;
        final var longer = shorter == this ? other : this;
        return shorter.contains(longer.address);
    }

    /** Whether the address is the network address of a prefix where that is not a usable host address. */
    public boolean isNetworkAddress() {
        final int hostBits = bits(address) - length;
        return hostBits >= 2 && value().equals(value().and(mask()));
    }

    /** Whether the address is the IPv4 broadcast address of its prefix. */
    public boolean isBroadcastAddress() {
        final int hostBits = bits(address) - length;
        return isIpv4() && hostBits >= 2 && value().or(mask().not().and(allOnes())).equals(value());
    }

    /** The number of addresses in the prefix, capped at {@link Long#MAX_VALUE}. */
    public long size() {
        final int hostBits = bits(address) - length;
        return hostBits >= 63 ? Long.MAX_VALUE : 1L << hostBits;
    }

    @Override
    public String toString() {
        return address.getHostAddress() + "/" + length;
    }

    private BigInteger value() {
        return new BigInteger(1, address.getAddress());
    }

    private BigInteger allOnes() {
        return BigInteger.ONE.shiftLeft(bits(address)).subtract(BigInteger.ONE);
    }

    private BigInteger mask() {
        final int bits = bits(address);
        return allOnes().shiftRight(bits - length).shiftLeft(bits - length);
    }

    private static int bits(final InetAddress address) {
        return address.getAddress().length * 8;
    }

    private static InetAddress toAddress(final BigInteger value, final boolean ipv4) {
        final int size = ipv4 ? 4 : 16;
        final byte[] raw = value.toByteArray();
        final byte[] bytes = new byte[size];
        final int copy = Math.min(raw.length, size);
        System.arraycopy(raw, raw.length - copy, bytes, size - copy, copy);
        try {
            return InetAddress.getByAddress(bytes);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
