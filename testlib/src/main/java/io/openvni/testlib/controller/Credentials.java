package io.openvni.testlib.controller;

import static java.util.Objects.requireNonNull;

/**
 * A user name and password.
 *
 * @param user user name
 * @param password password
 */
public record Credentials(String user, String password) {
    /** The RESTCONF (ODL AAA) administrator of a fresh distribution. */
    public static final Credentials RESTCONF_ADMIN = new Credentials("admin", "admin");
    /** The Karaf console administrator of a fresh distribution (etc/users.properties). */
    public static final Credentials KARAF_ADMIN = new Credentials("karaf", "karaf");

    public Credentials {
        requireNonNull(user);
        requireNonNull(password);
    }

    @Override
    public String toString() {
        return "Credentials[user=" + user + "]";
    }
}
