package io.openvni.southbound.frr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.openvni.core.compile.DeviceIntent;
import io.openvni.southbound.spi.ApplyProgress;
import io.openvni.southbound.spi.ApplyResult;
import io.openvni.southbound.spi.ChangeSet;
import io.openvni.southbound.spi.DeviceFailure;
import io.openvni.southbound.spi.ReadResult;
import io.openvni.southbound.spi.ReadScope;
import org.eclipse.jdt.annotation.Nullable;

/** A reconciler pass driven by hand in tests: read and diff, and apply what the diff found, requiring success. */
final class DriverPasses {
    private DriverPasses() {
        // static helpers
    }

    static ChangeSet<NodeChange> sync(final FrrNodeDriver driver, final FrrNode node, final DeviceIntent intent,
            final @Nullable DeviceIntent previous) throws Exception {
        final var changes = diff(driver, intent, previous);
        if (!changes.isEmpty()) {
            final var result = driver.apply(intent, changes, ApplyProgress.NONE);
            assertInstanceOf(ApplyResult.Applied.class, result, () -> result + "\n" + changes.describe(1000)
                + node.log("zebra.log"));
        }
        return changes;
    }

    /** The failure of an apply that must have failed. */
    static DeviceFailure failure(final ApplyResult<NodeState> result) {
        return assertInstanceOf(ApplyResult.Failed.class, result, () -> "expected a failure: " + result).failure();
    }

    static ChangeSet<NodeChange> diff(final FrrNodeDriver driver, final DeviceIntent intent,
            final @Nullable DeviceIntent previous) {
        final var read = driver.readOwned(new ReadScope(intent, previous));
        final var current = assertInstanceOf(ReadResult.Current.class, read, read::toString);
        return driver.diff((NodeState) current.config(), intent);
    }
}
