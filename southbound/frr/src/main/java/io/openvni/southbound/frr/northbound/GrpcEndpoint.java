package io.openvni.southbound.frr.northbound;

import io.openvni.southbound.ssh.NodeUnreachableException;

/**
 * Where the controller reaches a node's FRR northbound gRPC port. FRR's gRPC has no TLS and no authentication, so
 * production reaches it only through an SSH local forward ({@link SshGrpcEndpoint}); tests reach a namespace over a
 * veth instead.
 */
@FunctionalInterface
public interface GrpcEndpoint {
    /**
     * Opens the way to a node's gRPC port.
     *
     * @param device the node router's name
     * @param remotePort the gRPC port on the node's loopback
     * @return the local end to connect to; close it when done
     * @throws NodeUnreachableException when the way cannot be opened
     */
    Tunnel open(String device, int remotePort) throws NodeUnreachableException;

    /** The local end of the way to a node's gRPC port. */
    interface Tunnel extends AutoCloseable {
        String host();

        int port();

        /** Whether it still carries connections (an SSH forward dies with its session). */
        boolean isOpen();

        @Override
        void close();
    }
}
