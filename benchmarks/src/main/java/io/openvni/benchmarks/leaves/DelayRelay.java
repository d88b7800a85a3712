package io.openvni.benchmarks.leaves;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A latency profile for the simulators, since this kernel has no netem qdisc: TCP relays on 127.0.0.1 that hand each
 * chunk read on one side to the other side {@code delay} after it was read, in each direction. Chunks are delayed,
 * not serialized (a chunk read while another waits does not wait twice), so the relay adds latency without limiting
 * throughput, like a longer cable: one NETCONF round trip costs 2 x delay more. Every relay runs on virtual threads
 * of this JVM and goes with {@link #close()}.
 */
final class DelayRelay implements AutoCloseable {
    private static final int CHUNK = 64 * 1024;

    private final Duration delay;
    private final InetAddress loopback = InetAddress.getLoopbackAddress();
    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    DelayRelay(final Duration delay) {
        this.delay = delay;
    }

    /**
     * Listens on 127.0.0.1:{@code listenPort} and relays each connection to 127.0.0.1:{@code targetPort}.
     *
     * @throws IOException if the port cannot be bound
     */
    void relay(final int listenPort, final int targetPort) throws IOException {
        final var server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(loopback, listenPort), 128);
        open.add(server);
        Thread.ofVirtual().name("relay-" + listenPort).start(() -> accept(server, targetPort));
    }

    private void accept(final ServerSocket server, final int targetPort) {
        while (!closed) {
            final Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                // the listener was closed
                continue;
            }
            try {
                final Socket upstream = new Socket(loopback, targetPort);
                final var connection = new Connection(client, upstream);
                open.add(connection);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                pipe(connection, client, upstream);
                pipe(connection, upstream, client);
            } catch (IOException e) {
                // the target refused: so does the relay
                closeQuietly(client);
            }
        }
    }

    /** One direction: a reader stamps each chunk, a writer passes it on when its time has come. */
    private void pipe(final Connection connection, final Socket from, final Socket to) {
        final BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> {
            try (InputStream in = from.getInputStream()) {
                final byte[] buffer = new byte[CHUNK];
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    queue.add(new Chunk(System.nanoTime() + delay.toNanos(), Arrays.copyOf(buffer, read), false));
                }
            } catch (IOException e) {
                // reset or closed: end this direction
            }
            queue.add(new Chunk(System.nanoTime() + delay.toNanos(), new byte[0], true));
        });
        Thread.ofVirtual().start(() -> {
            try {
                final OutputStream out = to.getOutputStream();
                while (true) {
                    final Chunk chunk = queue.take();
                    final long wait = chunk.due() - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(Duration.ofNanos(wait));
                    }
                    if (chunk.end()) {
                        to.shutdownOutput();
                        break;
                    }
                    out.write(chunk.bytes());
                }
                connection.directionDone();
            } catch (IOException | InterruptedException e) {
                // the other side is gone: so is this connection
                connection.close();
            }
        });
    }

    private record Chunk(long due, byte[] bytes, boolean end) {
    }

    /** Both sockets of a relayed connection; closed when both directions have ended, or one failed. */
    private final class Connection implements AutoCloseable {
        private final Socket client;
        private final Socket upstream;
        private final AtomicInteger open = new AtomicInteger(2);

        Connection(final Socket client, final Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        void directionDone() {
            if (open.decrementAndGet() == 0) {
                close();
            }
        }

        @Override
        public void close() {
            closeQuietly(client);
            closeQuietly(upstream);
            DelayRelay.this.open.remove(this);
        }
    }

    @Override
    public void close() {
        closed = true;
        // a connection removes itself from the list as it closes
        List.copyOf(open).forEach(DelayRelay::closeQuietly);
    }

    private static void closeQuietly(final AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing anyway
        }
    }
}
