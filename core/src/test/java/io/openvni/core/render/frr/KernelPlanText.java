package io.openvni.core.render.frr;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads a {@link KernelPlan#text()} back, so that checks can run on golden files alone.
 */
final class KernelPlanText {
    private KernelPlanText() {
        // static helpers only
    }

    static KernelPlan parse(final String text) {
        final var kinds = Stream.of(KernelDevice.Kind.values())
            .collect(Collectors.toMap(KernelDevice.Kind::yangName, kind -> kind));
        return new KernelPlan(text.lines().map(line -> {
            final List<String> words = List.of(line.split(" "));
            final var spec = new LinkedHashMap<String, String>();
            for (var word : words.subList(3, words.size())) {
                final int equals = word.indexOf('=');
                spec.put(word.substring(0, equals), word.substring(equals + 1));
            }
            return new KernelDevice(words.get(2), kinds.get(words.get(1)), spec);
        }).toList());
    }
}
