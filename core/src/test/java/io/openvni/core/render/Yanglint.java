package io.openvni.core.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * What the schema checks of the goldens against a vendor's models share (OpenConfig, SR Linux): finding yanglint
 * (Debian {@code libyang2-tools}; the test is skipped without it), running it without the warnings the models
 * themselves cause, listing goldens, and checking that a golden is valid and that a broken copy is rejected.
 */
public final class Yanglint {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Yanglint() {
        // static only
    }

    /**
     * Yanglint, or the test is skipped.
     *
     * @param check what the caller checks, for the skip message
     * @return its path
     */
    public static Path find(final String check) {
        final var found = ExternalTools.find("yanglint");
        assumeTrue(found.isPresent(), "yanglint is not installed (apt-get install libyang2-tools): skipping " + check);
        return found.orElseThrow();
    }

    /** The names of the JSON files in a folder, sorted. */
    public static Stream<String> jsonFiles(final Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString())
                .filter(name -> name.endsWith(".json"))
                .sorted()
                .toList()
                .stream();
        }
    }

    /** Runs a yanglint command; the models' own warnings are dropped, errors stay. */
    public static ExternalTools.Run run(final List<String> command) {
        final var run = ExternalTools.run(command, Duration.ofSeconds(60));
        final var output = run.output().lines()
            .filter(line -> !line.startsWith("libyang warn"))
            .collect(Collectors.joining("\n"));
        return new ExternalTools.Run(run.exitCode(), output);
    }

    /** Asserts that yanglint accepted a golden without any error. */
    public static void assertValid(final ExternalTools.Run run, final String golden, final String model) {
        assertEquals(0, run.exitCode(), () -> golden + " is not valid " + model + ":\n" + run.output());
        assertFalse(run.output().contains("err"), run::output);
    }

    /** One broken payload: what is broken, the error yanglint must give, and how to break a golden. */
    public static Arguments broken(final String what, final String expectedError,
            final Consumer<ObjectNode> breaker) {
        return Arguments.of(what, expectedError, breaker);
    }

    /**
     * Breaks a copy of a golden and asserts that yanglint rejects it with the expected error.
     *
     * @param base the golden's name (for {@link Golden#read})
     * @param validate runs yanglint on a payload file
     * @param dir where to write the broken copy
     */
    public static void assertRejected(final String base, final Function<Path, ExternalTools.Run> validate,
            final String what, final String expectedError, final Consumer<ObjectNode> breaker, final Path dir)
            throws IOException {
        final var root = (ObjectNode) MAPPER.readTree(Golden.read(base));
        breaker.accept(root);
        final var file = dir.resolve("broken.json");
        MAPPER.writeValue(file.toFile(), root);
        final var run = validate.apply(file);
        assertNotEquals(0, run.exitCode(), () -> what + " was accepted:\n" + run.output());
        assertTrue(run.output().contains(expectedError), () -> what + ": unexpected error\n" + run.output());
    }
}
