package io.openvni.northbound.api;

import io.openvni.core.preview.DevicePreview;
import java.util.Optional;

/**
 * The controller's current state. Implementations are thread-safe; every call sees one consistent snapshot.
 */
public interface FabricService {
    /** The latest processed snapshot; {@link FabricSnapshot#EMPTY} before the first change is processed. */
    FabricSnapshot snapshot();

    /** The rendered desired configuration of a device, or empty if there is no such device. */
    Optional<DevicePreview> preview(String device);
}
