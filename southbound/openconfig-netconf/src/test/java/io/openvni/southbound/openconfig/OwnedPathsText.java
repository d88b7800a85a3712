package io.openvni.southbound.openconfig;

import io.openvni.core.render.openconfig.OwnedPaths;
import io.openvni.core.render.openconfig.OwnedPaths.KeyPrefix;
import io.openvni.core.render.openconfig.OwnedPaths.ListEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.regex.Pattern;

/** Reads the core's golden {@code *.owned.txt} files ({@link OwnedPaths#text()}) back into owned paths. */
final class OwnedPathsText {
    private static final Pattern PREFIX = Pattern.compile("^entries (\\S+)\\[starts-with\\(([\\w-]+),'([^']*)'\\)\\]$");

    private OwnedPathsText() {
        // static only
    }

    static OwnedPaths read(final Path file) throws IOException {
        final var nodes = new ArrayList<OwnedPaths.OwnedNode>();
        for (String line : Files.readAllLines(file)) {
            final var prefix = PREFIX.matcher(line);
            if (prefix.matches()) {
                nodes.add(new KeyPrefix(prefix.group(1), prefix.group(2), prefix.group(3)));
            } else if (line.startsWith("entry ")) {
                nodes.add(new ListEntry(line.substring("entry ".length())));
            } else if (!line.isBlank()) {
                throw new IllegalArgumentException(file + ": not an owned path: " + line);
            }
        }
        final var owned = new OwnedPaths(nodes);
        if (!owned.text().equals(Files.readString(file))) {
            throw new IllegalStateException(file + " does not read back as it was written");
        }
        return owned;
    }
}
