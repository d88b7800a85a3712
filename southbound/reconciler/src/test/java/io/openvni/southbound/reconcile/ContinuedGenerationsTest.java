package io.openvni.southbound.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openvni.core.status.DeviceStatus;
import io.openvni.core.status.SyncState;
import io.openvni.southbound.spi.DriverKey;
import io.openvni.southbound.spi.DriverRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A reconciler that takes over from an earlier one (controller restart, fail-over, new settings) starts each device
 * at the generation it last confirmed applied, so that status never shows an applied generation going backwards.
 */
class ContinuedGenerationsTest {
    private final ManualTime time = new ManualTime();
    private final FakeDevices devices = new FakeDevices();
    private final RecordingListener listener = new RecordingListener();

    private Reconciler reconciler(final ReconcilerSettings settings, final Map<String, Long> lastApplied) {
        final var drivers = new DriverRegistry(Map.of(DriverKey.OPENCONFIG_LEAF, devices, DriverKey.FRR_NODE, devices));
        return new Reconciler(settings, drivers, listener, new ReconcilerRuntime(Runnable::run, time, time,
            new ReconcilerTest.FixedFraction(0.5)), device -> lastApplied.getOrDefault(device, 0L));
    }

    @Test
    void everyDeviceStartsAtTheGenerationItLastConfirmed() {
        final var leaf1 = Intents.leaf("leaf1", 4, 10001);
        final var leaf2 = Intents.leaf("leaf2", 7, 10001, 10002);
        final var leaf3 = Intents.leaf("leaf3", 1, 10001);
        devices.preload(leaf1.intent());
        devices.preload(Intents.leaf("leaf2", 6, 10001).intent());

        reconciler(ReconcilerTest.SETTINGS, Map.of("leaf1", 4L, "leaf2", 6L)).updateAll(List.of(leaf1, leaf2, leaf3));

        assertEquals(List.of(4L, 4L), applied("leaf1"), "pending at 4, then confirmed at 4: never 0");
        assertEquals(List.of(6L, 7L), applied("leaf2"), "pending at 6 (written at 6 before), then 7");
        assertEquals(List.of(0L, 1L), applied("leaf3"), "a device nothing was confirmed for starts at 0");
        assertEquals(0, devices.device("leaf1").applies(), "in sync: nothing written");
        assertEquals(1, devices.device("leaf2").applies());
        for (var name : List.of("leaf1", "leaf2", "leaf3")) {
            assertEquals(SyncState.IN_SYNC, listener.last(name).state(), name);
        }
    }

    @Test
    void aDifferenceFromTheConfirmedGenerationIsDrift() {
        final var leaf1 = Intents.leaf("leaf1", 4, 10001);
        devices.preload(Intents.leaf("leaf1", 4, 10001, 10002).intent());

        reconciler(ReconcilerTest.SETTINGS.withAutoHeal(false), Map.of("leaf1", 4L)).update(leaf1);

        final var drifted = listener.last("leaf1");
        assertEquals(SyncState.DRIFTED, drifted.state());
        assertTrue(drifted.lastError().startsWith("configuration changed on the device since generation 4:"),
            drifted.lastError());
        assertEquals(4, drifted.appliedGeneration());
        assertEquals(0, devices.device("leaf1").applies(), "auto-heal is off: drift is left for the operator");
    }

    @Test
    void aConfirmedGenerationNewerThanTheDesiredOneIsNeverShown() {
        reconciler(ReconcilerTest.SETTINGS, Map.of("leaf1", 9L)).update(Intents.leaf("leaf1", 2, 10001));
        // 2 counts as confirmed, so the empty device is drift, healed: every status shows 2, none 9
        assertEquals(List.of(2L, 2L, 2L), applied("leaf1"));
        assertEquals(List.of(SyncState.PENDING, SyncState.DRIFTED, SyncState.IN_SYNC), listener.states("leaf1"));
    }

    private List<Long> applied(final String device) {
        return listener.history(device).stream().map(DeviceStatus::appliedGeneration).toList();
    }
}
