package io.openvni.core.compile;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Every device's desired generation as last persisted, with a fingerprint of the device intent of that generation.
 * A controller that starts afresh (restart, fail-over, new leader) continues each device's generation from here
 * instead of from 1: it keeps the generation where the device intent is the same and bumps it where it is not, so
 * that a generation never goes backwards.
 *
 * @param devices by device name
 */
public record KnownGenerations(Map<String, Known> devices) {
    /** Nothing known: every device starts at generation 1. */
    public static final KnownGenerations NONE = new KnownGenerations(Map.of());

    /**
     * One device's generation.
     *
     * @param generation its desired generation
     * @param fingerprint {@link #fingerprint(DeviceIntent)} of the device intent of that generation
     */
    public record Known(long generation, String fingerprint) {
        public Known {
            requireNonNull(fingerprint);
            if (generation < 1) {
                throw new IllegalArgumentException("generation must be positive, was " + generation);
            }
        }
    }

    public KnownGenerations {
        devices = Map.copyOf(devices);
    }

    /** The generations of a compile. */
    public static KnownGenerations of(final CompiledFabric fabric) {
        final var known = new HashMap<String, Known>();
        fabric.devices().forEach((name, desired) -> known.put(name, known(desired)));
        return new KnownGenerations(known);
    }

    /**
     * These generations after a compile: the devices it changed take their new generation, those it removed go.
     * Unchanged devices keep their entry, fingerprinted only once.
     */
    public KnownGenerations after(final CompileResult result) {
        if (result.changed().isEmpty() && result.removed().isEmpty()) {
            return this;
        }
        final var next = new HashMap<>(devices);
        result.removed().forEach(next::remove);
        for (var name : result.changed()) {
            next.put(name, known(result.fabric().devices().get(name)));
        }
        // devices persisted by an earlier controller that no longer exist go too
        next.keySet().retainAll(result.fabric().devices().keySet());
        return new KnownGenerations(next);
    }

    /**
     * The generation a device new to this compile gets: the known one if its intent is the same, one more if not,
     * 1 if the device is unknown.
     */
    long firstGeneration(final String device, final DeviceIntent intent) {
        final var known = devices.get(device);
        if (known == null) {
            return 1;
        }
        return known.fingerprint().equals(fingerprint(intent)) ? known.generation() : known.generation() + 1;
    }

    /**
     * A digest of a device intent, stable across controller restarts: the device intent is made of records, lists
     * in a defined order, strings, numbers and enum sets in declaration order, so its text is canonical. Should a
     * Java release render records differently, a device costs one extra generation, never a lower one.
     */
    public static String fingerprint(final DeviceIntent intent) {
        try {
            final var digest = MessageDigest.getInstance("SHA-256")
                .digest(intent.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            // every Java platform must implement SHA-256
            throw new IllegalStateException(e);
        }
    }

    private static Known known(final DesiredConfig desired) {
        return new Known(desired.generation(), fingerprint(desired.intent()));
    }
}
