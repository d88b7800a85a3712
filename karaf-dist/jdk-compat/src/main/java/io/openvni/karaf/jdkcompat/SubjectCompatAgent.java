package io.openvni.karaf.jdkcompat;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.AccessController;
import java.util.jar.JarFile;
import javax.security.auth.Subject;

/**
 * Java agent entry point ({@code -javaagent:lib/agent/openvni-karaf-jdk-compat.jar}, set by the distribution's
 * {@code bin/setenv}).
 */
public final class SubjectCompatAgent {
    /** System property set to {@code active} when the agent rewrites classes in this JVM. */
    public static final String STATUS_PROPERTY = "io.openvni.karaf.jdkcompat";

    /** The agent argument for the Karaf client JVM ({@code bin/client}): {@code -javaagent:...jar=client}. */
    public static final String CLIENT = "client";

    private SubjectCompatAgent() {
        // entry point only
    }

    /**
     * In the Karaf client ({@value #CLIENT}), install the exec-session fix ({@link ClientExecRewriter}, any JDK);
     * elsewhere install the JAAS rewriter unless this JDK still supports {@code Subject.getSubject}.
     *
     * @param args {@value #CLIENT} in the Karaf client, else nothing
     * @param inst the instrumentation
     * @throws IOException if the agent jar cannot be opened
     */
    public static void premain(final String args, final Instrumentation inst) throws IOException {
        if (CLIENT.equals(args)) {
            // the client needs no JAAS and must keep the agent off the bootstrap class path: what the rewritten
            // client calls (ExecStdin) is then defined by the same loader as the client itself
            inst.addTransformer(new ClientExecRewriter(), false);
            return;
        }
        if (getSubjectWorks()) {
            System.setProperty(STATUS_PROPERTY, "inactive");
            return;
        }
        // One copy of CurrentSubject for the whole JVM: bundles get it through bootdelegation
        inst.appendToBootstrapClassLoaderSearch(new JarFile(ownJar().toFile()));
        inst.addTransformer(new SubjectCallRewriter(), false);
        System.setProperty(STATUS_PROPERTY, "active");
    }

    @SuppressWarnings("removal")
    static boolean getSubjectWorks() {
        try {
            Subject.getSubject(AccessController.getContext());
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    private static Path ownJar() throws IOException {
        try {
            return Path.of(SubjectCompatAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the agent jar", e);
        }
    }
}
