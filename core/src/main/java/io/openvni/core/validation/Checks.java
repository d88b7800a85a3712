package io.openvni.core.validation;

import io.openvni.core.net.IpAddresses;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.regex.Pattern;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Checks of single values shared by the rule classes. Each reports into the sink and returns the parsed value,
 * or null when the value is wrong, so callers can skip rules that depend on it.
 */
final class Checks {
    static final long MAX_ASN = 4_294_967_294L;
    static final int MAX_PORT = 65_535;

    // The YANG device-name and object-name pattern: names end up in FRR configuration and kernel device names.
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9]([a-zA-Z0-9._-]*[a-zA-Z0-9])?");
    private static final int MAX_NAME_LENGTH = 63;

    private Checks() {
        // utility
    }

    static void asn(final ErrorSink sink, final String path, final long asn) {
        if (asn < 1 || asn > MAX_ASN) {
            sink.add(path, "ASN " + asn + " is out of range 1.." + MAX_ASN);
        }
    }

    static void port(final ErrorSink sink, final String path, final long port) {
        if (port < 1 || port > MAX_PORT) {
            sink.add(path, "port " + port + " is out of range 1.." + MAX_PORT);
        }
    }

    static void notBlank(final ErrorSink sink, final String path, final String value, final String what) {
        if (value.isBlank()) {
            sink.add(path, "the " + what + " is empty");
        }
    }

    static void name(final ErrorSink sink, final String path, final String name) {
        if (name.length() > MAX_NAME_LENGTH || !NAME.matcher(name).matches()) {
            sink.add(path, "'" + name + "' is not a valid name (1.." + MAX_NAME_LENGTH
                + " letters, digits, '.', '_' or '-', starting and ending with a letter or digit)");
        }
    }

    static @Nullable Inet4Address ipv4(final ErrorSink sink, final String path, final String text) {
        try {
            return IpAddresses.parseIpv4(text);
        } catch (IllegalArgumentException e) {
            sink.add(path, e.getMessage());
            return null;
        }
    }

    static @Nullable InetAddress ip(final ErrorSink sink, final String path, final String text) {
        try {
            return IpAddresses.parse(text);
        } catch (IllegalArgumentException e) {
            sink.add(path, e.getMessage());
            return null;
        }
    }

    /** An IPv4 address, or null if the text is not one; for rules whose value another rule already reports. */
    static @Nullable Inet4Address ipv4OrNull(final @Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return IpAddresses.parseIpv4(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
