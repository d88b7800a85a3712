package io.openvni.karaf.jdkcompat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.security.PrivilegedAction;
import java.util.Set;
import javax.security.auth.Subject;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.junit.jupiter.api.Test;

class SubjectCallRewriterTest {
    private static final String LEGACY_USER = LegacySubjectUser.class.getName();
    private static final String JAAS_HELPER = "org.apache.karaf.util.jaas.JaasHelper";

    @Test
    void rewrittenGetSubjectSeesTheSubjectOfDoAs() throws Exception {
        final var cls = new IsolatingLoader(true, LEGACY_USER).loadClass(LEGACY_USER);
        final Method whoAmI = cls.getMethod("whoAmI");
        final Method runAs = cls.getMethod("runAs", Subject.class, PrivilegedAction.class);
        final var alice = new Subject();

        assertSame(alice, runAs.invoke(null, alice, (PrivilegedAction<Object>) () -> invoke(whoAmI)));
        assertNull(whoAmI.invoke(null));
    }

    @Test
    void unrewrittenGetSubjectFailsExactlyWhereTheAgentIsNeeded() throws Exception {
        final Method whoAmI = new IsolatingLoader(false, LEGACY_USER).loadClass(LEGACY_USER).getMethod("whoAmI");
        if (SubjectCompatAgent.getSubjectWorks()) {
            // JDK 21 (and 22-23 with the Security Manager allowed): the old call works and the agent stays inactive
            assertNull(whoAmI.invoke(null));
        } else {
            final var thrown = assertThrows(InvocationTargetException.class, () -> whoAmI.invoke(null));
            assertEquals(UnsupportedOperationException.class, thrown.getCause().getClass());
        }
    }

    @Test
    void karafJaasHelperChecksRolesOfTheSessionSubject() throws Exception {
        // The real class from Karaf's shell bundle, as the agent meets it in the distribution
        final var helper = new IsolatingLoader(true, JAAS_HELPER).loadClass(JAAS_HELPER);
        final Method doAs = helper.getMethod("doAs", Subject.class, PrivilegedAction.class);
        final Method hasRole = helper.getMethod("currentUserHasRole", String.class);
        final var admin = new Subject(false, Set.of(new RolePrincipal("admin")), Set.of(), Set.of());

        final PrivilegedAction<Object> isAdmin = () -> invoke(hasRole, "admin");
        final PrivilegedAction<Object> isViewer = () -> invoke(hasRole, "viewer");
        assertEquals(Boolean.TRUE, doAs.invoke(null, admin, isAdmin));
        assertEquals(Boolean.FALSE, doAs.invoke(null, admin, isViewer));
        assertEquals(Boolean.FALSE, hasRole.invoke(null, "admin"));
    }

    @Test
    void leavesOtherClassesAlone() {
        assertNull(new SubjectCallRewriter().rewrite(classBytes(String.class.getName())));
        assertNull(new SubjectCallRewriter().transform(null, "javax/security/auth/Subject", null, null,
            classBytes(Subject.class.getName())));
        assertNotNull(new SubjectCallRewriter().rewrite(classBytes(LEGACY_USER)));
    }

    private static Object invoke(final Method method, final Object... args) {
        try {
            return method.invoke(null, args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] classBytes(final String className) {
        final String resource = "/" + className.replace('.', '/') + ".class";
        try (InputStream in = SubjectCallRewriterTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Defines one class itself (rewritten or not) and delegates everything else.
     */
    private static final class IsolatingLoader extends ClassLoader {
        private final boolean rewrite;
        private final String isolated;

        IsolatingLoader(final boolean rewrite, final String isolated) {
            super(SubjectCallRewriterTest.class.getClassLoader());
            this.rewrite = rewrite;
            this.isolated = isolated;
        }

        @Override
        protected Class<?> loadClass(final String name, final boolean resolve) throws ClassNotFoundException {
            if (!isolated.equals(name)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                final Class<?> loaded = findLoadedClass(name);
                if (loaded != null) {
                    return loaded;
                }
                byte[] bytes = classBytes(name);
                if (rewrite) {
                    bytes = new SubjectCallRewriter().rewrite(bytes);
                    assertNotNull(bytes, "nothing rewritten in " + name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        }
    }
}
