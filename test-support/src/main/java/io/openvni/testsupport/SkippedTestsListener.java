package io.openvni.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Writes down every test that did not run, with the reason: tests and classes skipped ({@code @Disabled},
 * conditions) and aborted (a failed assumption, {@code Assumptions.assumeTrue}). An aborted or skipped class counts
 * each of its tests that had not finished; Maven Surefire reports such a class as "Tests run: 0" and nothing else.
 *
 * <p>At the end of each test plan it writes one file, {@code skipped-<pid>-<n>.tsv}, into the folder named by the
 * system property {@value #DIRECTORY_PROPERTY}, by default {@code target/openvni-skipped-tests} of the working
 * directory (the module, under Maven). One line per skipped test or class:
 * {@code <tests>\t<class>\t<test, empty for a class>\t<reason>}. Nothing is written when nothing was skipped.
 * Registered through {@code META-INF/services}.
 */
public final class SkippedTestsListener implements TestExecutionListener {
    /** System property naming the output folder. */
    public static final String DIRECTORY_PROPERTY = "openvni.skipped.dir";
    static final Path DEFAULT_DIRECTORY = Path.of("target", "openvni-skipped-tests");

    private final Path directory;
    private final Set<String> finished = new HashSet<>();
    private final List<String> lines = new ArrayList<>();
    private TestPlan plan;

    /**
     * The listener JUnit's launcher finds through {@code META-INF/services}.
     */
    public SkippedTestsListener() {
        this(Path.of(System.getProperty(DIRECTORY_PROPERTY, DEFAULT_DIRECTORY.toString())));
    }

    SkippedTestsListener(final Path directory) {
        this.directory = directory;
    }

    @Override
    public void testPlanExecutionStarted(final TestPlan testPlan) {
        plan = testPlan;
        finished.clear();
        lines.clear();
    }

    @Override
    public void executionSkipped(final TestIdentifier identifier, final String reason) {
        record(identifier, reason);
    }

    @Override
    public void executionFinished(final TestIdentifier identifier, final TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            record(identifier, result.getThrowable().map(Throwable::getMessage).orElse(null));
        }
        finished.add(identifier.getUniqueId());
    }

    @Override
    public void testPlanExecutionFinished(final TestPlan testPlan) {
        if (lines.isEmpty()) {
            return;
        }
        final Path file = directory.resolve("skipped-" + ProcessHandle.current().pid() + "-" + System.nanoTime()
            + ".tsv");
        try {
            Files.createDirectories(directory);
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the skipped tests to " + file, e);
        }
    }

    private void record(final TestIdentifier identifier, final String reason) {
        final long tests = identifier.isTest() ? 1 : unfinishedTests(identifier);
        if (tests == 0) {
            return;
        }
        final TestSource source = identifier.getSource().orElse(null);
        final String className;
        String test = "";
        if (source instanceof MethodSource method) {
            className = method.getClassName();
            test = identifier.getLegacyReportingName();
        } else if (source instanceof ClassSource type) {
            className = type.getClassName();
        } else {
            className = identifier.getDisplayName();
        }
        lines.add(tests + "\t" + className + "\t" + oneLine(test) + "\t"
            + oneLine(reason == null || reason.isBlank() ? "(no reason given)" : reason));
    }

    private long unfinishedTests(final TestIdentifier container) {
        final var descendants = plan == null ? Set.<TestIdentifier>of() : plan.getDescendants(container);
        if (descendants.isEmpty()) {
            // a test factory or template whose tests were never generated
            return 1;
        }
        return descendants.stream()
            .filter(TestIdentifier::isTest)
            .filter(test -> !finished.contains(test.getUniqueId()))
            .count();
    }

    private static String oneLine(final String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
