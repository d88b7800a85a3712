package io.openvni.northbound.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.openvni.southbound.reconcile.Backoff;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ControllerSettingsTest {
    private static final Path CFG = Path.of("../../karaf-dist/distribution/src/main/assembly/etc/"
        + ControllerConfiguration.PID + ".cfg");

    @Test
    void theConfigurationsDefaultsAreTheDefaultSettings() {
        assertEquals(ControllerSettings.DEFAULT, ControllerSettings.of(config(Map.of())));
        assertEquals(new ControllerSettings(32, Duration.ofSeconds(10), Backoff.DEFAULT,
            Duration.ofSeconds(5)), ControllerSettings.DEFAULT);
        assertEquals(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30)), Backoff.DEFAULT);
    }

    @Test
    void valuesAreTakenAsGiven() {
        assertEquals(new ControllerSettings(4, Duration.ZERO, new Backoff(Duration.ofMillis(250),
            Duration.ofMinutes(2)), Duration.ofSeconds(12)), ControllerSettings.of(config(Map.of("reconcile_workers", 4,
                "state_read_interval_seconds", 0L, "backoff_initial_millis", 250L, "backoff_max_seconds", 120L,
                "write_lease_seconds", 12L))));
    }

    @Test
    void aValueOutOfRangeIsRefusedNamingItsKey() {
        assertRefused("reconcile.workers must be at least 1, was 0", Map.of("reconcile_workers", 0));
        assertRefused("state.read.interval.seconds must not be negative, was -1",
            Map.of("state_read_interval_seconds", -1L));
        assertRefused("backoff.initial.millis must be at least 1, was 0", Map.of("backoff_initial_millis", 0L));
        assertRefused("backoff.max.seconds 1 is below backoff.initial.millis 1500",
            Map.of("backoff_initial_millis", 1500L, "backoff_max_seconds", 1L));
        assertRefused("write.lease.seconds must be at least 2, was 1", Map.of("write_lease_seconds", 1L));
    }

    // The shipped file documents every key, commented out at its default, under the name DS gives it (a single
    // underscore in the method name is a dot in the property name).
    @Test
    void theShippedFileListsEveryKeyWithItsDefault() throws IOException {
        final var shipped = new TreeMap<String, String>();
        final var line = Pattern.compile("^#([a-z.]+) = (\\S+)$");
        for (String text : Files.readAllLines(CFG)) {
            final var matcher = line.matcher(text);
            if (matcher.matches()) {
                shipped.put(matcher.group(1), matcher.group(2));
            }
        }
        final var defaults = new TreeMap<String, String>();
        for (Method method : ControllerConfiguration.class.getDeclaredMethods()) {
            defaults.put(method.getName().replace('_', '.'), String.valueOf(method.getDefaultValue()));
        }
        assertEquals(defaults, shipped);
    }

    private static void assertRefused(final String message, final Map<String, Object> values) {
        assertEquals(message, assertThrows(IllegalArgumentException.class,
            () -> ControllerSettings.of(config(values))).getMessage());
    }

    // what DS hands the component: the given values, the annotation's defaults for the rest
    private static ControllerConfiguration config(final Map<String, Object> values) {
        return (ControllerConfiguration) Proxy.newProxyInstance(
            ControllerConfiguration.class.getClassLoader(), new Class<?>[] {ControllerConfiguration.class},
            (proxy, method, args) -> {
                if (method.getName().equals("annotationType")) {
                    return ControllerConfiguration.class;
                }
                if (Arrays.stream(Annotation.class.getDeclaredMethods()).anyMatch(m -> m.getName()
                        .equals(method.getName()))) {
                    throw new UnsupportedOperationException(method.getName());
                }
                return values.getOrDefault(method.getName(), method.getDefaultValue());
            });
    }
}
