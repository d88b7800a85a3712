package io.openvni.northbound.secrets;

import io.openvni.northbound.api.SealingStatus;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.DateAndTime;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.Secrets;
import org.opendaylight.yang.gen.v1.urn.openvni.yang.status.rev261126.SecretsBuilder;
import org.opendaylight.yangtools.yang.common.Uint32;

/**
 * The operational {@code openvni-status:secrets} container of a {@link SealingStatus}, and back.
 */
final class SealingStatusModel {
    private SealingStatusModel() {
        // static codec
    }

    static Secrets build(final SealingStatus status) {
        return new SecretsBuilder()
            .setUnsealed(Uint32.valueOf(status.unsealed().size()))
            .setUnsealedCredential(status.unsealed().isEmpty() ? null : status.unsealed())
            .setCheckedAt(time(status.checkedAt()))
            .setLastError(status.lastError().isEmpty() ? null : status.lastError())
            .setLastErrorAt(time(status.lastErrorAt()))
            .setFailedAttempts(Uint32.valueOf(status.failedAttempts()))
            .setNextAttempt(time(status.nextAttempt()))
            .build();
    }

    static SealingStatus parse(final @Nullable Secrets secrets) {
        if (secrets == null) {
            return SealingStatus.INITIAL;
        }
        final var unsealed = secrets.getUnsealedCredential();
        final var failed = secrets.getFailedAttempts();
        final var error = secrets.getLastError();
        return new SealingStatus(unsealed == null ? List.of() : unsealed, instant(secrets.getCheckedAt()),
            error == null ? "" : error, instant(secrets.getLastErrorAt()), failed == null ? 0 : failed.intValue(),
            instant(secrets.getNextAttempt()));
    }

    private static @Nullable DateAndTime time(final @Nullable Instant instant) {
        return instant == null ? null : new DateAndTime(DateTimeFormatter.ISO_INSTANT.format(instant));
    }

    private static @Nullable Instant instant(final @Nullable DateAndTime time) {
        return time == null ? null : Instant.parse(time.getValue());
    }
}
