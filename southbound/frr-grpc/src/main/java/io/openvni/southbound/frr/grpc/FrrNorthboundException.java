package io.openvni.southbound.frr.grpc;

import static java.util.Objects.requireNonNull;

import io.grpc.Status;

/**
 * A failed northbound call: which RPC, the gRPC status code and FRR's own message (for example zebra's reason a
 * commit was refused). {@link #failure()} tells callers whether retrying can help. The code is given by name so that
 * no gRPC type leaks into the API (gRPC is embedded, not exported, in the OSGi bundle).
 */
public final class FrrNorthboundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** How a caller should treat the failure. */
    public enum Failure {
        /** FRR refused the configuration or the request (bad value, conflicting VNI, unknown path). */
        REJECTED,
        /** The daemon could not be reached in time or the channel broke: retry later. */
        UNAVAILABLE,
        /** Another northbound client holds the configuration lock or the candidate is stale. */
        CONFLICT,
        /** Anything else, including FRR's internal errors. */
        INTERNAL
    }

    private final String rpc;
    private final Status.Code code;
    private final String frrMessage;

    FrrNorthboundException(final String rpc, final Status.Code code, final String frrMessage,
            final Throwable cause) {
        super(rpc + " failed: " + code + (frrMessage.isEmpty() ? "" : ": " + frrMessage), cause);
        this.rpc = requireNonNull(rpc);
        this.code = requireNonNull(code);
        this.frrMessage = requireNonNull(frrMessage);
    }

    static FrrNorthboundException of(final String rpc, final Throwable cause) {
        final Status status = Status.fromThrowable(cause);
        final String description = status.getDescription();
        return new FrrNorthboundException(rpc, status.getCode(), description == null ? "" : description.strip(),
            cause);
    }

    public String rpc() {
        return rpc;
    }

    /** The gRPC status code's name, e.g. {@code INVALID_ARGUMENT}. */
    public String code() {
        return code.name();
    }

    /** FRR's error text as the daemon sent it, possibly empty. */
    public String frrMessage() {
        return frrMessage;
    }

    public Failure failure() {
        return switch (code) {
            case INVALID_ARGUMENT, NOT_FOUND, ALREADY_EXISTS, FAILED_PRECONDITION, OUT_OF_RANGE, UNIMPLEMENTED ->
                Failure.REJECTED;
            case UNAVAILABLE, DEADLINE_EXCEEDED, CANCELLED -> Failure.UNAVAILABLE;
            case ABORTED, RESOURCE_EXHAUSTED -> Failure.CONFLICT;
            default -> Failure.INTERNAL;
        };
    }
}
