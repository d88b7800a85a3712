package io.openvni.benchmarks;

import java.util.HashMap;
import java.util.Map;

/** The benchmarks' command lines: {@code --name value} pairs, as their scripts pass them. */
public final class BenchArgs {
    private BenchArgs() {
        // static only
    }

    /**
     * Reads {@code --name value} pairs.
     *
     * @param args the command line
     * @return value by name (without the dashes)
     * @throws IllegalArgumentException for a word that is not {@code --name} followed by a value
     */
    public static Map<String, String> pairs(final String[] args) {
        final var values = new HashMap<String, String>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
            values.put(args[i].substring(2), args[i + 1]);
        }
        return values;
    }
}
