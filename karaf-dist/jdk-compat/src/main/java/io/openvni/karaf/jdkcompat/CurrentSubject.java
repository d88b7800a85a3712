package io.openvni.karaf.jdkcompat;

import static java.util.Objects.requireNonNull;

import java.security.AccessControlContext;
import java.security.PrivilegedAction;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.util.concurrent.CompletionException;
import javax.security.auth.Subject;

/**
 * Where rewritten {@code Subject.getSubject()} and {@code Subject.doAs()} calls land.
 *
 * <p>{@code Subject.callAs()} binds the Subject to the calling thread only, while the old AccessControlContext was
 * also inherited by threads started inside {@code doAs} (Karaf runs each stage of a shell pipeline in its own thread
 * and checks command permissions there). An {@link InheritableThreadLocal} restores that inheritance.
 *
 * <p>The agent puts this class on the bootstrap class path; bundles reach it through
 * {@code org.osgi.framework.bootdelegation}, so there is exactly one copy in the JVM.
 */
@SuppressWarnings("removal") // the signatures we stand in for use AccessControlContext
public final class CurrentSubject {
    private static final InheritableThreadLocal<Subject> INHERITED = new InheritableThreadLocal<>();

    private CurrentSubject() {
        // static methods only
    }

    /**
     * Replacement for {@code Subject.getSubject(AccessControlContext)}.
     *
     * @param ignored the context the caller captured; it carries nothing on JDK 24+
     * @return the Subject bound by the innermost {@code callAs}/{@code doAs} of this thread, else the one inherited
     *         from the thread that started this one, else {@code null}
     */
    public static Subject getSubject(final AccessControlContext ignored) {
        final Subject current = Subject.current();
        return current != null ? current : INHERITED.get();
    }

    /**
     * Replacement for {@code Subject.doAs(Subject, PrivilegedAction)}.
     *
     * @param <T> result type
     * @param subject the Subject to run as, may be {@code null}
     * @param action the action
     * @return the result of the action
     */
    @SuppressWarnings("checkstyle:AvoidHidingCauseException") // callAs() wrapped what the action threw
    public static <T> T doAs(final Subject subject, final PrivilegedAction<T> action) {
        requireNonNull(action);
        final Subject previous = bind(subject);
        try {
            return Subject.callAs(subject, action::run);
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        } finally {
            restore(previous);
        }
    }

    /**
     * Replacement for {@code Subject.doAs(Subject, PrivilegedExceptionAction)}.
     *
     * @param <T> result type
     * @param subject the Subject to run as, may be {@code null}
     * @param action the action
     * @return the result of the action
     * @throws PrivilegedActionException wrapping a checked exception thrown by the action
     */
    @SuppressWarnings("checkstyle:AvoidHidingCauseException") // callAs() wrapped what the action threw
    public static <T> T doAs(final Subject subject, final PrivilegedExceptionAction<T> action)
            throws PrivilegedActionException {
        requireNonNull(action);
        final Subject previous = bind(subject);
        try {
            return Subject.callAs(subject, action::run);
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Exception cause) {
                throw new PrivilegedActionException(cause);
            }
            throw e;
        } finally {
            restore(previous);
        }
    }

    /**
     * Replacement for {@code Subject.doAsPrivileged(Subject, PrivilegedAction, AccessControlContext)}.
     *
     * @param <T> result type
     * @param subject the Subject to run as, may be {@code null}
     * @param action the action
     * @param ignored the context; it carries nothing on JDK 24+
     * @return the result of the action
     */
    public static <T> T doAsPrivileged(final Subject subject, final PrivilegedAction<T> action,
            final AccessControlContext ignored) {
        return doAs(subject, action);
    }

    /**
     * Replacement for {@code Subject.doAsPrivileged(Subject, PrivilegedExceptionAction, AccessControlContext)}.
     *
     * @param <T> result type
     * @param subject the Subject to run as, may be {@code null}
     * @param action the action
     * @param ignored the context; it carries nothing on JDK 24+
     * @return the result of the action
     * @throws PrivilegedActionException wrapping a checked exception thrown by the action
     */
    public static <T> T doAsPrivileged(final Subject subject, final PrivilegedExceptionAction<T> action,
            final AccessControlContext ignored) throws PrivilegedActionException {
        return doAs(subject, action);
    }

    private static Subject bind(final Subject subject) {
        final Subject previous = INHERITED.get();
        INHERITED.set(subject);
        return previous;
    }

    private static void restore(final Subject previous) {
        if (previous == null) {
            INHERITED.remove();
        } else {
            INHERITED.set(previous);
        }
    }
}
