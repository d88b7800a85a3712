package io.openvni.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Serves {@code GET /metrics} in the Prometheus text format from the JDK's HTTP server, on one thread: a scrape is
 * cheap and Prometheus scrapes one at a time. Anything else is 404, any method but GET and HEAD 405.
 */
final class MetricsEndpoint implements AutoCloseable {
    static final String PATH = "/metrics";

    private final HttpServer server;
    private final ExecutorService executor;

    /**
     * Starts serving.
     *
     * @param address where to listen
     * @param body the text of one scrape
     * @throws IOException if the address cannot be bound
     */
    MetricsEndpoint(final InetSocketAddress address, final Supplier<String> body) throws IOException {
        server = HttpServer.create(address, 8);
        executor = Executors.newSingleThreadExecutor(runnable -> {
            final var thread = new Thread(runnable, "openvni-metrics-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> serve(exchange, body));
        server.start();
    }

    /** The address it listens on (the port chosen, if 0 was asked for). */
    InetSocketAddress address() {
        return server.getAddress();
    }

    private static void serve(final HttpExchange exchange, final Supplier<String> body) throws IOException {
        try (exchange) {
            if (!PATH.equals(exchange.getRequestURI().getPath())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            final var method = exchange.getRequestMethod();
            if (!"GET".equals(method) && !"HEAD".equals(method)) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            final byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", OpenVniMeters.contentType());
            if ("HEAD".equals(method)) {
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
