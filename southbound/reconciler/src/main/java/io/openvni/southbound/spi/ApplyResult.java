package io.openvni.southbound.spi;

/**
 * The outcome of applying a change set: {@link Applied}, or a {@link DeviceFailure} ({@link DeviceFailure.Rejected}
 * with the device's own error text, {@link DeviceFailure.Unreachable} with the reason).
 */
public sealed interface ApplyResult permits ApplyResult.Applied, DeviceFailure {
    /** The device took every change of the set. */
    Applied APPLIED = new Applied();

    /** The device took every change of the set; use {@link ApplyResult#APPLIED}. */
    record Applied() implements ApplyResult {
    }
}
