package io.openvni.core.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files in {@code src/test/resources/golden}: rendered output is compared with them, semantically for JSON
 * (tree equality, so key order and whitespace do not matter) and exactly for text. With
 * {@code -Dgolden.update=true} the files are rewritten from the actual output instead, and the diff shows up in
 * review.
 */
public final class Golden {
    /** The golden files' folder, relative to the module (the test's working directory). */
    public static final Path DIR = Path.of("src", "test", "resources", "golden");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    // Two-space indentation and "key": value, like most JSON tools print it.
    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter().withSeparators(
        Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));

    private Golden() {
        // static helpers only
    }

    /** Whether goldens are being regenerated. */
    public static boolean updating() {
        return Boolean.getBoolean("golden.update");
    }

    /** The path of a golden file. */
    public static Path path(final String fileName) {
        return DIR.resolve(fileName);
    }

    /** Reads a golden file. */
    public static String read(final String fileName) {
        try {
            return Files.readString(path(fileName), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compares text with a golden file exactly, or rewrites the file. */
    public static void assertText(final String fileName, final String actual) {
        if (update(fileName, actual)) {
            return;
        }
        assertEquals(read(fileName), actual, "output differs from golden " + path(fileName)
            + " (regenerate with -Dgolden.update=true)");
    }

    /** Compares JSON with a golden file as trees, or rewrites the file. */
    public static void assertJson(final String fileName, final JsonNode actual) {
        final String text;
        try {
            text = MAPPER.writer(PRINTER).writeValueAsString(actual) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (update(fileName, text)) {
            return;
        }
        final JsonNode expected;
        final JsonNode reparsed;
        try {
            expected = MAPPER.readTree(read(fileName));
            // Re-read the actual tree so that numbers compare by value, not by node class (int vs long).
            reparsed = MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!expected.equals(reparsed)) {
            // Show both pretty-printed so the assertion message is a readable diff.
            assertEquals(read(fileName), text, "JSON differs from golden " + path(fileName)
                + " (regenerate with -Dgolden.update=true)");
            fail("JSON differs from golden " + path(fileName));
        }
    }

    private static boolean update(final String fileName, final String content) {
        final var file = path(fileName);
        if (updating()) {
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, content, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return true;
        }
        if (!Files.exists(file)) {
            fail("golden " + file + " is missing (create it with -Dgolden.update=true)");
        }
        return false;
    }
}
