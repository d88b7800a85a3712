package io.openvni.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

class SkippedTestsListenerTest {
    @TempDir
    Path dir;

    @Test
    void writesDownSkippedAndAbortedTestsAndClassesWithTheirReasons() throws IOException {
        run(Mixed.class, NoLabHere.class, DisabledClass.class);

        final List<String> lines = written();
        assertEquals(4, lines.size(), lines::toString);
        assertTrue(lines.contains("1\t" + Mixed.class.getName() + "\tneedsAPackage()\tAssumption failed: "
            + "yanglint is not installed"), lines::toString);
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("1\t" + Mixed.class.getName() + "\tdisabled()\t")
            && line.contains("@Disabled")), lines::toString);
        // an assumption in @BeforeAll: Surefire reports "Tests run: 0"; here each of its tests counts
        assertTrue(lines.contains("3\t" + NoLabHere.class.getName() + "\t\tAssumption failed: node lab "
            + "unavailable: needs root"), lines::toString);
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("3\t" + DisabledClass.class.getName() + "\t\t")),
            lines::toString);
    }

    @Test
    void writesNothingWhenEveryTestRan() throws IOException {
        run(AllRun.class);
        assertEquals(List.of(), written());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    private void run(final Class<?>... classes) {
        final var listener = new SkippedTestsListener(dir.resolve("out"));
        // only this listener: the one META-INF/services registers would write into the module's target
        final var launcher = LauncherFactory.create(LauncherConfig.builder()
            .enableTestExecutionListenerAutoRegistration(false)
            .addTestExecutionListeners(listener)
            .build());
        launcher.execute(LauncherDiscoveryRequestBuilder.request()
            .selectors(Stream.of(classes).map(type -> selectClass(type)).toList())
            .build());
    }

    private List<String> written() throws IOException {
        final Path out = dir.resolve("out");
        if (!Files.isDirectory(out)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(out)) {
            return files.flatMap(file -> {
                try {
                    return Files.readAllLines(file).stream();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }

    // Samples run by the nested launcher above; Surefire leaves nested classes alone

    static class Mixed {
        @Test
        void runs() {
            assertTrue(true);
        }

        @Test
        void needsAPackage() {
            Assumptions.assumeTrue(false, "yanglint is not installed");
        }

        @Test
        @Disabled
        void disabled() {
            assertTrue(true);
        }
    }

    static class NoLabHere extends ThreeTests {
        @BeforeAll
        static void lab() {
            Assumptions.assumeTrue(false, "node lab unavailable: needs root");
        }
    }

    @Disabled("not today")
    static class DisabledClass extends ThreeTests {
    }

    abstract static class ThreeTests {
        @Test
        void one() {
            assertTrue(true);
        }

        @Test
        void two() {
            assertTrue(true);
        }

        @Test
        void three() {
            assertTrue(true);
        }
    }

    static class AllRun {
        @Test
        void runs() {
            assertTrue(true);
        }
    }
}
