package io.openvni.southbound.reconcile;

import io.openvni.core.compile.DeviceIntent;
import io.openvni.southbound.spi.ApplyProgress;
import io.openvni.southbound.spi.ApplyResult;
import io.openvni.southbound.spi.Change;
import io.openvni.southbound.spi.ChangeSet;
import io.openvni.southbound.spi.DeviceDriver;
import io.openvni.southbound.spi.DeviceFailure;
import io.openvni.southbound.spi.ReadResult;
import io.openvni.southbound.spi.ReadScope;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jdt.annotation.Nullable;

/**
 * In-memory devices behind a driver of the SPI. A device's configuration is a sorted map of lines; OpenVNI owns the
 * lines starting with {@code l2 }, everything else (a port, say) belongs to someone else and is never read or
 * touched. Failures and slow applies are scripted per device.
 */
class FakeDevices implements DeviceDriver<SortedMap<String, String>, FakeDevices.Edit> {
    /** Sets a line ({@code value} non-null) or deletes it. */
    record Edit(String key, @Nullable String value) implements Change {
        @Override
        public String describe() {
            return value == null ? "delete " + key : "set " + key + " " + value;
        }
    }

    /** One device; all methods are safe to call from the test thread while the reconciler works on it. */
    final class Device {
        private final SortedMap<String, String> config = new TreeMap<>();
        private final List<DeviceIntent> applied = new ArrayList<>();
        private final List<Optional<DeviceIntent>> readPrevious = new ArrayList<>();
        private int reads;
        private @Nullable DeviceFailure readFailure;
        private int readFailuresLeft;
        private @Nullable DeviceFailure applyFailure;
        private int applyFailuresLeft;
        private @Nullable CountDownLatch applyEntered;
        private @Nullable CountDownLatch applyRelease;
        // what this device's current session returned, by identity; a reconnect forgets them
        private final Set<SortedMap<String, String>> observations = Collections.newSetFromMap(new IdentityHashMap<>());

        synchronized void set(final String key, final String value) {
            config.put(key, value);
        }

        synchronized void delete(final String key) {
            config.remove(key);
        }

        synchronized SortedMap<String, String> config() {
            return new TreeMap<>(config);
        }

        synchronized int reads() {
            return reads;
        }

        /** The last applied intent each read was given, in order. */
        synchronized List<Optional<DeviceIntent>> readPrevious() {
            return List.copyOf(readPrevious);
        }

        synchronized int applies() {
            return applied.size();
        }

        synchronized List<DeviceIntent> applied() {
            return List.copyOf(applied);
        }

        /** The next {@code times} reads fail. */
        synchronized void failReads(final DeviceFailure failure, final int times) {
            readFailure = failure;
            readFailuresLeft = times;
        }

        /** The next {@code times} applies fail. */
        synchronized void failApplies(final DeviceFailure failure, final int times) {
            applyFailure = failure;
            applyFailuresLeft = times;
        }

        /** The device's session ends and a new one starts: what was observed in the old one is no longer current. */
        synchronized void reconnect() {
            observations.clear();
        }

        synchronized boolean observedInThisSession(final SortedMap<String, String> observed) {
            return observations.contains(observed);
        }

        /** The next apply counts {@code entered} down, then waits for {@code release} before it writes. */
        synchronized void blockNextApply(final CountDownLatch entered, final CountDownLatch release) {
            applyEntered = entered;
            applyRelease = release;
        }

        private synchronized ReadResult<SortedMap<String, String>> read(final ReadScope scope) {
            reads++;
            readPrevious.add(scope.previous());
            if (readFailuresLeft > 0) {
                readFailuresLeft--;
                return new ReadResult.Failed<>(readFailure);
            }
            final var owned = new TreeMap<>(config.subMap("l2 ", "l2!"));
            observations.add(owned);
            return ReadResult.current(owned);
        }

        private ApplyResult<SortedMap<String, String>> apply(final DeviceIntent desired, final List<Edit> edits) {
            final CountDownLatch entered;
            final CountDownLatch release;
            synchronized (this) {
                entered = applyEntered;
                release = applyRelease;
                applyEntered = null;
                applyRelease = null;
            }
            if (entered != null && release != null) {
                entered.countDown();
                try {
                    if (!release.await(30, TimeUnit.SECONDS)) {
                        return ApplyResult.failed(new DeviceFailure.Unreachable("test never released the apply"));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return ApplyResult.failed(new DeviceFailure.Unreachable("interrupted"));
                }
            }
            synchronized (this) {
                if (applyFailuresLeft > 0) {
                    applyFailuresLeft--;
                    return ApplyResult.failed(applyFailure);
                }
                for (var edit : edits) {
                    if (edit.value() == null) {
                        config.remove(edit.key());
                    } else {
                        config.put(edit.key(), edit.value());
                    }
                }
                applied.add(desired);
                if (!observing) {
                    return ApplyResult.appliedUnobserved();
                }
                final var owned = new TreeMap<>(config.subMap("l2 ", "l2!"));
                observations.add(owned);
                return ApplyResult.applied(owned);
            }
        }
    }

    /** What a scripted apply does before the device takes the changes: report progress, let time pass, ... */
    @FunctionalInterface
    interface ApplyScript {
        void run(DeviceIntent desired, ChangeSet<Edit> changes, ApplyProgress progress);
    }

    private final Map<String, Device> devices = new ConcurrentHashMap<>();
    private volatile ApplyScript applyScript = (desired, changes, progress) -> { };
    // whether the driver vouches for what it observed, so that passes may skip the read (off: every pass reads)
    private volatile boolean observing;

    /** From now on, what a read or an apply observed stands for the device until its session changes. */
    FakeDevices observing() {
        observing = true;
        return this;
    }

    /** Every apply from now on runs the script first. */
    FakeDevices scriptApplies(final ApplyScript script) {
        applyScript = script;
        return this;
    }

    Device device(final String name) {
        return devices.computeIfAbsent(name, unused -> new Device());
    }

    /** Puts a device in the state a desired configuration asks for, as if applied earlier. */
    void preload(final DeviceIntent intent) {
        final var device = device(intent.name());
        render(intent).forEach(device::set);
    }

    @Override
    public ReadResult<SortedMap<String, String>> readOwned(final ReadScope scope) {
        return device(scope.device()).read(scope);
    }

    @Override
    public ChangeSet<Edit> diff(final SortedMap<String, String> current, final DeviceIntent desired) {
        final var wanted = render(desired);
        final var edits = new ArrayList<Edit>();
        current.keySet().stream().filter(key -> !wanted.containsKey(key))
            .forEach(key -> edits.add(new Edit(key, null)));
        wanted.forEach((key, value) -> {
            if (!value.equals(current.get(key))) {
                edits.add(new Edit(key, value));
            }
        });
        return new ChangeSet<>(edits);
    }

    @Override
    public ApplyResult<SortedMap<String, String>> apply(final DeviceIntent desired, final ChangeSet<Edit> changes,
            final ApplyProgress progress) {
        applyScript.run(desired, changes, progress);
        return device(desired.name()).apply(desired, changes.changes());
    }

    @Override
    public boolean stillCurrent(final SortedMap<String, String> observed, final String device) {
        return observing && device(device).observedInThisSession(observed);
    }

    static SortedMap<String, String> render(final DeviceIntent intent) {
        final var lines = new TreeMap<String, String>();
        intent.segments().forEach(segment -> lines.put("l2 " + segment.vni(),
            "vlan " + segment.vlan() + " rd " + segment.routeDistinguisher()));
        return lines;
    }
}
