package io.openvni.benchmarks.leaves;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A phase of the benchmark could not complete; carries the devices that held it up and why. */
public final class BenchmarkException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Map<String, String> devices;

    BenchmarkException(final String message, final Map<String, String> devices) {
        super(message);
        this.devices = Collections.unmodifiableMap(new LinkedHashMap<>(devices));
    }

    /** The devices that did not get there, each with its last known state. */
    public Map<String, String> devices() {
        return devices;
    }
}
