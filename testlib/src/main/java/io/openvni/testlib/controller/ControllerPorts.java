package io.openvni.testlib.controller;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The TCP ports one controller listens on, all on 127.0.0.1. A lone controller uses the distribution's defaults
 * ({@link #DEFAULT}); each member of a cluster on one machine gets its own, chosen and written into its Karaf home
 * by {@code scripts/cluster-member.sh}, which prints them ({@link #parse}).
 *
 * @param restconf RESTCONF over Jetty ({@code /rests})
 * @param restconfNetty RESTCONF over Netty ({@code /restconf})
 * @param ssh the Karaf console
 * @param jmxRegistry the JMX RMI registry
 * @param jmxServer the JMX RMI server
 * @param pekko Pekko remoting, the cluster's own traffic (unused by a lone controller)
 * @param metrics OpenVNI's Prometheus endpoint
 */
public record ControllerPorts(int restconf, int restconfNetty, int ssh, int jmxRegistry, int jmxServer, int pekko,
        int metrics) {
    /** The distribution's own ports. */
    public static final ControllerPorts DEFAULT = new ControllerPorts(8181, 8182, 8101, 1099, 44444, 2550, 8185);

    /**
     * Every port.
     *
     * @return the ports, RESTCONF first
     */
    public List<Integer> all() {
        return List.of(restconf, restconfNetty, ssh, jmxRegistry, jmxServer, pekko, metrics);
    }

    /**
     * Waits while something listens on any of these ports (a controller not taking the machine lock).
     *
     * @param wait how long at most
     * @throws IOException if one is still in use after that
     */
    void awaitFree(final Duration wait) throws IOException {
        final long deadline = System.nanoTime() + wait.toNanos();
        boolean told = false;
        while (true) {
            final var busy = all().stream().filter(ControllerPorts::accepts).toList();
            if (busy.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("127.0.0.1 ports " + busy + " are still in use after " + wait + ": an "
                    + "OpenVNI (or OpenDaylight) controller seems to be running. Stop it first (scripts/openvni-run.sh "
                    + "stop, or bin/stop in its Karaf home); the integration tests start their own.");
            }
            if (!told) {
                ControllerDistribution.log("ports " + busy + " are in use; waiting up to " + wait
                    + " for them to be free");
                told = true;
            }
            ControllerDistribution.sleep(Duration.ofSeconds(2));
        }
    }

    /** Whether something accepts connections on a port of 127.0.0.1. */
    static boolean accepts(final int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(ControllerDistribution.LOOPBACK, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Reads the {@code name=port} lines {@code scripts/cluster-member.sh} prints.
     *
     * @param lines its output
     * @return the ports
     * @throws IOException if a port is missing or not a number
     */
    static ControllerPorts parse(final String lines) throws IOException {
        final var ports = new HashMap<String, Integer>();
        for (String line : lines.split("\n")) {
            final int equals = line.indexOf('=');
            if (equals > 0) {
                try {
                    ports.put(line.substring(0, equals).trim(), Integer.parseInt(line.substring(equals + 1).trim()));
                } catch (NumberFormatException e) {
                    throw new IOException("not a port: " + line, e);
                }
            }
        }
        return new ControllerPorts(port(ports, "restconf", lines), port(ports, "restconf-netty", lines),
            port(ports, "ssh", lines), port(ports, "jmx-registry", lines), port(ports, "jmx-server", lines),
            port(ports, "pekko", lines), port(ports, "metrics", lines));
    }

    private static int port(final Map<String, Integer> ports, final String name, final String lines)
            throws IOException {
        final Integer port = ports.get(name);
        if (port == null) {
            throw new IOException("no " + name + " port in: " + lines);
        }
        return port;
    }
}
