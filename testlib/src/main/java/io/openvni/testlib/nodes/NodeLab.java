package io.openvni.testlib.nodes;

import io.openvni.testlib.Commands;
import io.openvni.testlib.FrrGrpcModule;
import io.openvni.testlib.FrrRouter;
import io.openvni.testlib.HostLink;
import io.openvni.testlib.NamespaceHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Node routers for end-to-end tests, all on this machine (root, Debian's FRR 8.4 and OpenSSH):
 * <ul>
 *   <li>a spine (route server): FRR in its own {@link NamespaceHost}, {@code router bgp }{@value #SPINE_ASN} with
 *       every node as an eBGP neighbor on a point-to-point veth ({@code 10.98.<i>.0/31} spine side,
 *       {@code .1} node side), IPv4 unicast (the nodes' VTEP /32s) and L2VPN EVPN with the next hop unchanged, so
 *       that VXLAN tunnels go node to node;</li>
 *   <li>nodes {@code node1..nodeN} ({@link LabNode}): private namespaces with FRR (zebra {@code -n}: netns VRFs,
 *       private {@code /run/netns}) and an sshd for root on the management address {@code 10.99.0.<2i-1>}, reached
 *       from the root namespace over a veth ({@code 10.99.0.<2i-2>/31} on this side);</li>
 *   <li>workloads ({@link #attach}): pod namespaces attached to OpenVNI's workload veth ends.</li>
 * </ul>
 * OpenVNI configures nothing here but what the fabric tells it to; the lab provides what a real node already has
 * (underlay links, forwarding on, FRR running empty, sshd). {@link #close()} kills every process it started, which
 * takes the namespaces and their devices along, and deletes its folder; a JVM shutdown hook does the same.
 */
public final class NodeLab implements AutoCloseable {
    /** The spine's ASN. */
    public static final long SPINE_ASN = 65000;
    /** The port of zebra's northbound gRPC on a node that has it. */
    public static final int GRPC_PORT = 50051;
    private static final String MANAGEMENT_NET = "10.99.0.";

    private final Path dir;
    private final String prefix;
    private final List<NamespaceHost> hosts = new ArrayList<>();
    private final List<HostLink> outsideLinks = new ArrayList<>();
    private final List<LabNode> nodes = new ArrayList<>();
    private final List<Workload> workloads = new ArrayList<>();
    private final Thread killOnExit = new Thread(this::close, "openvni-node-lab-cleanup");
    private @Nullable FrrRouter spine;
    private boolean closed;

    private NodeLab(final Path dir) {
        this.dir = dir;
        // root-namespace device names, unique per JVM (IFNAMSIZ: at most 15 characters)
        this.prefix = "ovlab" + ProcessHandle.current().pid() % 100_000;
    }

    /**
     * FRR's northbound gRPC module for this machine's FRR, from {@code scripts/frr-grpc-module.sh} (scripts/setup.sh
     * builds it before the tests and the demo; a cached module comes back at once).
     *
     * @return its path, or null (with the reason on stderr) where it cannot be had or {@code OPENVNI_SKIP_FRR_GRPC}
     *     is set
     */
    public static @Nullable Path grpcModule() {
        if (System.getenv(FrrGrpcModule.SKIP_ENV) != null) {
            return null;
        }
        try {
            return FrrGrpcModule.build();
        } catch (IOException e) {
            System.err.println("[node-lab] no FRR gRPC module, every node runs vtysh alone: " + e.getMessage());
            return null;
        }
    }

    /**
     * What this machine lacks to run the lab (for test assumptions).
     *
     * @return null if nothing is missing, else a sentence naming it
     */
    public static @Nullable String missingPrerequisite() {
        for (String tool : List.of("/usr/lib/frr/zebra", "/usr/lib/frr/bgpd", "/usr/bin/vtysh", "/usr/sbin/sshd",
                "/usr/bin/ssh-keygen", "/usr/bin/nsenter", "/usr/bin/unshare", "/usr/bin/ping")) {
            if (!Files.isExecutable(Path.of(tool))) {
                return tool + " is not installed (apt-get install frr openssh-server iproute2 iputils-ping)";
            }
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return "the node lab needs root (namespaces, veths, FRR, sshd)";
        }
        return null;
    }

    /**
     * Starts the spine and {@code count} nodes, each with FRR and sshd running, BGP configured on the spine only.
     *
     * @throws IOException with the reason; what was started is stopped
     */
    public static NodeLab start(final int count) throws IOException {
        return start(count, null);
    }

    /**
     * Starts a lab whose first node's zebra serves FRR's northbound gRPC on {@value #GRPC_PORT}; the other nodes have
     * none, as on a node whose FRR lacks the module.
     *
     * @param grpcModule the path of {@code grpc.so}, or null for no gRPC at all
     */
    public static NodeLab start(final int count, final @Nullable Path grpcModule) throws IOException {
        final String missing = missingPrerequisite();
        if (missing != null) {
            throw new IOException(missing);
        }
        final long begin = System.nanoTime();
        final String taken = Commands.check("ip", "-o", "addr", "show", "to", MANAGEMENT_NET + "0/24");
        if (!taken.isBlank()) {
            throw new IOException("another lab holds the management net " + MANAGEMENT_NET + "0/24: " + taken);
        }
        final var lab = new NodeLab(Files.createTempDirectory("ovni-lab"));
        Runtime.getRuntime().addShutdownHook(lab.killOnExit);
        try {
            lab.build(count, grpcModule);
        } catch (IOException | RuntimeException e) {
            lab.close();
            throw e;
        }
        System.out.printf(Locale.ROOT, "[node-lab] spine and %d nodes ready in %.2f s (%s)%n", count,
            (System.nanoTime() - begin) / 1e9, lab.dir);
        return lab;
    }

    private void build(final int count, final @Nullable Path grpcModule) throws IOException {
        openUp(dir);
        final var spineHost = host("spine");
        spine = FrrRouter.start(spineHost, FrrRouter.Options.of("spine"));
        final Path key = dir.resolve("id_rsa");
        Commands.check("ssh-keygen", "-q", "-t", "rsa", "-b", "2048", "-m", "PEM", "-N", "", "-C",
            "openvni-lab", "-f", key.toString());
        final String privateKey = Files.readString(key);
        final var spineConfig = new StringBuilder("router bgp " + SPINE_ASN + "\n bgp router-id 10.98.0.254\n"
            + " no bgp ebgp-requires-policy\n");
        final var evpn = new StringBuilder(" address-family l2vpn evpn\n");
        for (int i = 1; i <= count; i++) {
            final var host = host("node" + i);
            final String management = MANAGEMENT_NET + (2 * i - 1);
            outsideLinks.add(host.link(new HostLink(prefix + "m" + i, MANAGEMENT_NET + (2 * i - 2), "mgmt0",
                management, 31)));
            Commands.check("ip", "link", "add", "uplink", "netns", Long.toString(host.pid()), "type", "veth",
                "peer", "name", "down" + i, "netns", Long.toString(spineHost.pid()));
            final String uplink = "10.98." + i + ".1";
            final String spineSide = "10.98." + i + ".0";
            host.check("ip addr add " + uplink + "/31 dev uplink && ip link set uplink up"
                + " && sysctl -qw net.ipv4.ip_forward=1");
            spineHost.check("ip addr add " + spineSide + "/31 dev down" + i + " && ip link set down" + i + " up");
            final var grpc = i == 1 && grpcModule != null ? new FrrRouter.Grpc(grpcModule, GRPC_PORT) : null;
            final var router = FrrRouter.start(host, FrrRouter.Options.of("labnode" + i).netnsVrf(true).grpc(grpc));
            LabNode.prepareSshd(host, management, Path.of(key + ".pub"));
            final var node = new LabNode("node" + i, i, router, management, uplink, spineSide, 65100 + i,
                "10.0.1." + i, "10.255.0." + i, privateKey, grpc == null ? 0 : GRPC_PORT);
            node.startSshd();
            nodes.add(node);
            spineConfig.append(" neighbor ").append(uplink).append(" remote-as ").append(node.asn()).append('\n')
                .append(" neighbor ").append(uplink).append(" timers 3 9\n")
                .append(" neighbor ").append(uplink).append(" timers connect 2\n");
            evpn.append("  neighbor ").append(uplink).append(" activate\n")
                .append("  neighbor ").append(uplink).append(" attribute-unchanged next-hop\n");
        }
        spineHost.check("sysctl -qw net.ipv4.ip_forward=1");
        spine.configure(spineConfig.append(evpn).append(" exit-address-family\nexit").toString());
    }

    private NamespaceHost host(final String name) throws IOException {
        final Path hostDir = dir.resolve(name);
        Files.createDirectories(hostDir);
        openUp(hostDir);
        final var host = NamespaceHost.start(name, hostDir);
        hosts.add(host);
        return host;
    }

    // FRR's daemons drop root for the frr user, which writes their pid files and logs here
    private static void openUp(final Path folder) throws IOException {
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
    }

    /** Node {@code node<index>}, from 1. */
    public LabNode node(final int index) {
        return nodes.get(index - 1);
    }

    public List<LabNode> nodes() {
        return List.copyOf(nodes);
    }

    public FrrRouter spine() {
        final var started = spine;
        if (started == null) {
            throw new IllegalStateException("the lab is not started");
        }
        return started;
    }

    /**
     * Attaches a new workload to a network on a node, as a CNI would (see {@link Workload}); closed with the lab.
     */
    public Workload attach(final String name, final LabNode node, final long vni, final String address,
            final String gateway) throws IOException {
        return attach(name, node, "ovw" + vni, address, gateway);
    }

    /**
     * Attaches a new workload to a veth end of the node that is not OpenVNI's (a baseline's, for benchmarks).
     *
     * @param device the veth end, in the node's namespace
     */
    public Workload attach(final String name, final LabNode node, final String device, final String address,
            final String gateway) throws IOException {
        final var workload = Workload.attach(name, node, device, address, gateway);
        synchronized (workloads) {
            workloads.add(workload);
        }
        return workload;
    }

    /** Daemon logs of every router, for failure messages. */
    public String logs() {
        final var text = new StringBuilder(spine == null ? "" : spine.log("bgpd.log"));
        nodes.forEach(node -> text.append(node.router().log("zebra.log")).append(node.router().log("bgpd.log"))
            .append(node.router().log("sshd.log")));
        return text.toString();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        synchronized (workloads) {
            workloads.forEach(Workload::close);
        }
        // the namespaces go with their holders, and their veths with them, but asynchronously: the management
        // links in this namespace are deleted right away, so that the next lab finds their addresses free
        hosts.forEach(NamespaceHost::close);
        outsideLinks.forEach(HostLink::delete);
        Commands.deleteTree(dir);
        if (Thread.currentThread() != killOnExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(killOnExit);
            } catch (IllegalStateException e) {
                // the JVM is shutting down already
            }
        }
    }
}
