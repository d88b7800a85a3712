package io.openvni.core.intent;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.eclipse.jdt.annotation.Nullable;

/**
 * How the controller reaches a leaf switch's NETCONF server over SSH, and what it adds to an incomplete schema
 * list: {@code extraCapabilities} (module capabilities added to those the switch announces) and
 * {@code schemaDirectory} (a directory of YANG sources on the controller host).
 */
public record NetconfAccess(String host, int port, String username, @Nullable Secret password,
        List<String> extraCapabilities, @Nullable String schemaDirectory) {
    public NetconfAccess {
        requireNonNull(host);
        requireNonNull(username);
        extraCapabilities = List.copyOf(extraCapabilities);
    }

    /**
     * Access without schema additions.
     */
    public NetconfAccess(final String host, final int port, final String username, final @Nullable Secret password) {
        this(host, port, username, password, List.of(), null);
    }
}
