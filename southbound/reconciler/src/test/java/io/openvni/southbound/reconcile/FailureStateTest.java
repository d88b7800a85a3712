package io.openvni.southbound.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openvni.core.status.SyncState;
import io.openvni.southbound.spi.DeviceFailure;
import io.openvni.southbound.spi.DriverKey;
import io.openvni.southbound.spi.DriverRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code unreachable} is for a device that did not answer; a device that answered and refused is {@code failed}
 * with its own text, whether the read or the apply failed, and status always says why.
 */
class FailureStateTest {

    private final ManualTime time = new ManualTime();
    private final FakeDevices devices = new FakeDevices();
    private final RecordingListener listener = new RecordingListener();
    private final Reconciler reconciler = new Reconciler(ReconcilerTest.SETTINGS,
        new DriverRegistry(Map.of(DriverKey.OPENCONFIG_LEAF, devices, DriverKey.FRR_NODE, devices)), listener,
        new ReconcilerRuntime(Runnable::run, time, time, new ReconcilerTest.FixedFraction(0.5)));

    @Test
    void aRefusedReadIsFailedWithTheDevicesText() {
        devices.device("node1").failReads(new DeviceFailure.Rejected("% Unknown command: show running-config"), 1);

        reconciler.update(Intents.node("node1", 1, 10001));

        final var failed = listener.last("node1");
        assertEquals(SyncState.FAILED, failed.state());
        assertEquals("% Unknown command: show running-config", failed.lastError());
        assertEquals(0, devices.device("node1").applies());
    }

    @Test
    void anApplyThatLosesTheDeviceIsUnreachableWithTheReason() {
        devices.device("leaf1").failApplies(new DeviceFailure.Unreachable("session to 192.0.2.11:830 dropped"), 1);

        reconciler.update(Intents.leaf("leaf1", 1, 10001));

        assertEquals(SyncState.UNREACHABLE, listener.last("leaf1").state());
        assertEquals("session to 192.0.2.11:830 dropped", listener.last("leaf1").lastError());
        time.advance(Duration.ofMillis(500));
        assertEquals(SyncState.IN_SYNC, listener.last("leaf1").state());
    }

    @Test
    void aRefusalAfterTheDeviceCameBackIsFailedNotUnreachable() {
        final var leaf1 = devices.device("leaf1");
        leaf1.failReads(new DeviceFailure.Unreachable("connect to 192.0.2.11:830 refused"), 1);
        leaf1.failApplies(new DeviceFailure.Rejected("% VNI 10001: VXLAN table full"), 1);

        reconciler.update(Intents.leaf("leaf1", 1, 10001));
        time.advance(Duration.ofMillis(500));

        assertEquals(SyncState.FAILED, listener.last("leaf1").state());
        assertEquals("% VNI 10001: VXLAN table full", listener.last("leaf1").lastError());
        time.advance(Duration.ofSeconds(1));
        assertEquals(List.of(SyncState.PENDING, SyncState.UNREACHABLE, SyncState.FAILED, SyncState.IN_SYNC),
            listener.states("leaf1"));
    }

    @Test
    void aFailureWithoutTextStillSaysWhatFailed() {
        devices.device("leaf1").failApplies(new DeviceFailure.Rejected(""), 1);
        devices.device("leaf2").failReads(new DeviceFailure.Unreachable(" "), 1);

        reconciler.updateAll(List.of(Intents.leaf("leaf1", 1, 10001), Intents.leaf("leaf2", 1, 10001)));

        assertEquals(SyncState.FAILED, listener.last("leaf1").state());
        assertEquals("apply failed; the driver gave no reason", listener.last("leaf1").lastError());
        assertEquals(SyncState.UNREACHABLE, listener.last("leaf2").state());
        assertEquals("read failed; the driver gave no reason", listener.last("leaf2").lastError());
    }

    @Test
    void aNewGenerationForAnUnreachableDeviceKeepsTheReason() {
        devices.device("leaf1").failReads(new DeviceFailure.Unreachable("no route to host"), Integer.MAX_VALUE);
        reconciler.update(Intents.leaf("leaf1", 1, 10001));

        reconciler.update(Intents.leaf("leaf1", 2, 10001, 10002));

        final var history = listener.history("leaf1");
        final var pending = history.get(history.size() - 2);
        assertEquals(SyncState.PENDING, pending.state());
        assertEquals("no route to host", pending.lastError(), "pending at generation 2, still saying why");
        assertEquals(SyncState.UNREACHABLE, listener.last("leaf1").state());
        assertEquals(2, listener.last("leaf1").desiredGeneration());
        assertEquals("no route to host", listener.last("leaf1").lastError());
    }
}
