package io.openvni.northbound.binding;

import io.openvni.core.compile.KnownGenerations;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.Generations;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.generations.Applied;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.generations.AppliedBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.generations.Desired;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.generations.DesiredBuilder;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.generations.DesiredKey;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.types.rev261126.DeviceName;
import org.opendaylight.yangtools.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Uint64;

/**
 * Converts the persisted {@code openvni-status:generations} container: the desired generations (with the
 * fingerprints of their device intents) to and from {@link KnownGenerations}, the applied ones to and from a map.
 */
public final class GenerationCodec {
    private GenerationCodec() {
        // static codec
    }

    /** The persisted desired generations; entries missing a leaf (never written so) are left out. */
    public static KnownGenerations desired(final @Nullable Generations stored) {
        final var known = new HashMap<String, KnownGenerations.Known>();
        if (stored != null && stored.getDesired() != null) {
            for (var entry : stored.nonnullDesired().values()) {
                final var generation = entry.getGeneration();
                final var fingerprint = entry.getFingerprint();
                if (generation != null && generation.longValue() > 0 && fingerprint != null) {
                    known.put(entry.getDevice().getValue(),
                        new KnownGenerations.Known(generation.longValue(), fingerprint));
                }
            }
        }
        return new KnownGenerations(known);
    }

    /** The persisted applied generations, by device. */
    public static Map<String, Long> applied(final @Nullable Generations stored) {
        final var applied = new HashMap<String, Long>();
        if (stored != null) {
            for (var entry : stored.nonnullApplied().values()) {
                final var generation = entry.getGeneration();
                if (generation != null) {
                    applied.put(entry.getDevice().getValue(), generation.longValue());
                }
            }
        }
        return applied;
    }

    /** The desired list to persist: every device of {@code generations}. */
    public static Map<DesiredKey, Desired> toStored(final KnownGenerations generations) {
        return BindingMap.ordered(generations.devices().entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(entry -> new DesiredBuilder()
                .setDevice(new DeviceName(entry.getKey()))
                .setGeneration(Uint64.valueOf(entry.getValue().generation()))
                .setFingerprint(entry.getValue().fingerprint())
                .build())
            .toList());
    }

    /** One applied entry to persist. */
    public static Applied applied(final String device, final long generation) {
        return new AppliedBuilder().setDevice(new DeviceName(device)).setGeneration(Uint64.valueOf(generation))
            .build();
    }
}
