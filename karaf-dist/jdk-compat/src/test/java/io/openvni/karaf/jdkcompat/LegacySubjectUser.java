package io.openvni.karaf.jdkcompat;

import java.security.AccessController;
import java.security.PrivilegedAction;
import javax.security.auth.Subject;

/**
 * Test fixture: code written against the Security-Manager-era JAAS API, as Karaf's is.
 */
@SuppressWarnings("removal")
public final class LegacySubjectUser {
    private LegacySubjectUser() {
        // static only
    }

    public static Subject whoAmI() {
        return Subject.getSubject(AccessController.getContext());
    }

    public static <T> T runAs(final Subject subject, final PrivilegedAction<T> action) {
        return Subject.doAs(subject, action);
    }
}
