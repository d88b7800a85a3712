package io.openvni.northbound.api;

import io.openvni.core.preview.DevicePreview;
import io.openvni.southbound.reconcile.DriftReport;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The controller's current state. Implementations are thread-safe; every call sees one consistent snapshot.
 */
public interface FabricService {
    /** The latest processed snapshot; {@link FabricSnapshot#EMPTY} before the first change is processed. */
    FabricSnapshot snapshot();

    /** The rendered desired configuration of a device, or empty if there is no such device. */
    Optional<DevicePreview> preview(String device);

    /**
     * Checks devices for drift now; drift is healed unless the fabric turned auto-heal off.
     *
     * @param device one device, or every device when {@code null}
     * @return per known device, the check's result once it has ended; empty when this node is not the active
     *         controller
     */
    Map<String, CompletableFuture<DriftReport>> checkDrift(@Nullable String device);

    /**
     * Starts a pass over devices now that writes over any difference, drift included.
     *
     * @param device one device, or every device when {@code null}
     * @return the devices a pass was started for
     */
    List<String> reconcile(@Nullable String device);
}
