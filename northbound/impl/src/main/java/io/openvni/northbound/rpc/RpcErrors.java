package io.openvni.northbound.rpc;

import com.google.common.util.concurrent.ListenableFuture;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.opendaylight.yangtools.yang.common.RpcResult;
import org.opendaylight.yangtools.yang.common.RpcResultBuilder;

/**
 * Error answers of OpenVNI's operations: the input path and the reason, as an application invalid-value error
 * that RESTCONF returns as HTTP 400 with the message.
 */
final class RpcErrors {
    private RpcErrors() {
        // utility class
    }

    static <T> ListenableFuture<RpcResult<T>> invalid(final String message) {
        return RpcResultBuilder.<T>failed()
            .withError(ErrorType.APPLICATION, ErrorTag.INVALID_VALUE, message)
            .buildFuture();
    }
}
