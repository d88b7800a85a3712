package io.openvni.testlib.controller;

import java.io.IOException;
import java.time.Duration;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * JUnit 5 extension behind {@link OpenVniController}.
 *
 * <ul>
 *   <li>The first test class that needs it unpacks and starts the built distribution
 *       ({@link ControllerDistribution#unpackBuilt()}); all later classes of the run share it, and it is stopped
 *       when the run ends. If it fails to start, every class fails fast with the same cause.</li>
 *   <li>Test methods and constructors can take {@link ControllerDistribution}, {@link RestconfClient} (as
 *       admin/admin) and {@link KarafConsole} (as karaf/karaf) parameters.</li>
 *   <li>When a test fails, the controller's logs are copied to {@code target/failsafe-reports/karaf-logs/<test>}
 *       and the tail of karaf.log is printed.</li>
 * </ul>
 * Startup timeout: system property {@value ControllerDistribution#START_TIMEOUT_PROPERTY} (seconds, default 300).
 */
public final class ControllerExtension implements BeforeAllCallback, ParameterResolver, TestWatcher {
    private static final Namespace NAMESPACE = Namespace.create(ControllerExtension.class);
    private static final int LOG_TAIL_LINES = 80;

    @Override
    public void beforeAll(final ExtensionContext context) {
        controller(context);
    }

    @Override
    public boolean supportsParameter(final ParameterContext parameterContext,
            final ExtensionContext extensionContext) {
        final Class<?> type = parameterContext.getParameter().getType();
        return type == ControllerDistribution.class || type == RestconfClient.class || type == KarafConsole.class;
    }

    @Override
    public Object resolveParameter(final ParameterContext parameterContext, final ExtensionContext extensionContext) {
        final ControllerDistribution controller = controller(extensionContext);
        final Class<?> type = parameterContext.getParameter().getType();
        if (type == RestconfClient.class) {
            return controller.restconf();
        }
        if (type == KarafConsole.class) {
            return controller.console();
        }
        if (type == ControllerDistribution.class) {
            return controller;
        }
        throw new ParameterResolutionException("unsupported parameter " + parameterContext.getParameter());
    }

    @Override
    public void testFailed(final ExtensionContext context, final @Nullable Throwable cause) {
        final SharedController shared = context.getRoot().getStore(NAMESPACE).get(SharedController.class,
            SharedController.class);
        if (shared == null || shared.controller == null) {
            return;
        }
        final String name = context.getRequiredTestClass().getSimpleName() + "." + context.getDisplayName();
        final var logs = shared.controller.captureLogs(name);
        ControllerDistribution.log(name + " failed; controller logs copied to " + logs + "; karaf.log tail:\n"
            + shared.controller.logTail(LOG_TAIL_LINES));
    }

    private static ControllerDistribution controller(final ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
            .getOrComputeIfAbsent(SharedController.class, key -> SharedController.start(), SharedController.class)
            .get();
    }

    /**
     * The run-wide controller, or why it could not start. Closed by JUnit when the run ends.
     */
    private static final class SharedController implements AutoCloseable {
        private final @Nullable ControllerDistribution controller;
        private final @Nullable Exception failure;

        private SharedController(final @Nullable ControllerDistribution controller,
                final @Nullable Exception failure) {
            this.controller = controller;
            this.failure = failure;
        }

        @SuppressWarnings("checkstyle:IllegalCatch") // any startup failure is remembered and reported per class
        static SharedController start() {
            final var timeout = Duration.ofSeconds(
                Long.getLong(ControllerDistribution.START_TIMEOUT_PROPERTY, 300));
            try {
                return new SharedController(ControllerDistribution.unpackBuilt().start(timeout), null);
            } catch (IOException | RuntimeException e) {
                return new SharedController(null, e);
            }
        }

        ControllerDistribution get() {
            final ControllerDistribution started = controller;
            if (started == null) {
                throw new IllegalStateException("the OpenVNI controller did not start", failure);
            }
            return started;
        }

        @Override
        public void close() {
            final ControllerDistribution started = controller;
            if (started != null) {
                started.close();
            }
        }
    }
}
