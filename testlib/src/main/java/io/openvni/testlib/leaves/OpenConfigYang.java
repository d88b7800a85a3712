package io.openvni.testlib.leaves;

import io.openvni.testlib.Commands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The OpenConfig YANG set the simulated leaves load: {@code ../shared/yang/openconfig-netconfd} beside the
 * repository (the OpenConfig closure adjusted for yuma123 netconfd 2.13; same schema for the EVPN paths). It is not
 * copied into the repository; {@link #directory()} fails with a clear message when it is absent.
 */
public final class OpenConfigYang {
    /** System property naming the YANG directory; overrides the default location. */
    public static final String DIRECTORY_PROPERTY = "openvni.sim.yang";

    /** The top modules each leaf loads (netconfd {@code --module=}); they import the rest of the set. */
    public static final List<String> MODULES = List.of(
        "openconfig-interfaces", "openconfig-if-ip", "openconfig-if-ethernet", "openconfig-if-aggregate",
        "openconfig-vlan", "openconfig-network-instance", "openconfig-network-instance-l2", "openconfig-evpn",
        "openconfig-bgp", "openconfig-bgp-policy", "openconfig-routing-policy");

    private static final Path FROM_IT_MODULE = Path.of("..", "..", "shared", "yang", "openconfig-netconfd");
    private static final Path FROM_REPOSITORY = Path.of("..", "shared", "yang", "openconfig-netconfd");
    private static final Duration YANGLINT_TIMEOUT = Duration.ofSeconds(60);
    /** Where Debian's netconfd keeps the modules it serves besides the OpenConfig set. */
    private static final Path NETCONFD_MODULES = Path.of("/usr/share/yuma/modules");
    /**
     * The modules netconfd 2.13 lists in its hello besides the OpenConfig set (its NETCONF, monitoring, NACM and
     * system modules), as {@code <folder under NETCONFD_MODULES>/<file>}.
     */
    private static final List<String> NETCONFD_OWN = List.of("ietf/iana-crypt-hash@2014-08-06.yang",
        "ietf/ietf-netconf-acm@2018-02-14.yang", "ietf/ietf-netconf-monitoring@2010-10-04.yang",
        "ietf/ietf-netconf-notifications@2012-02-06.yang", "ietf/ietf-netconf-partial-lock@2009-10-19.yang",
        "ietf/ietf-netconf-with-defaults@2011-06-01.yang", "ietf/ietf-netconf@2011-06-01.yang",
        "ietf/ietf-system@2014-08-06.yang", "ietf/ietf-yang-library@2016-06-21.yang",
        "ietf-derived/nc-notifications.yang", "ietf-derived/notifications.yang",
        "netconfcentral/yuma-app-common.yang", "netconfcentral/yuma-mysession.yang", "netconfcentral/yuma-ncx.yang",
        "netconfcentral/yuma-proc.yang", "netconfcentral/yuma-time-filter.yang", "netconfcentral/yuma-types.yang",
        "yuma123/yuma123-mysession-cache.yang", "yuma123/yuma123-netconf-types.yang",
        "yuma123/yuma123-system.yang");
    private static final Pattern SUBMODULE = Pattern.compile("^submodule\\s+\"?([\\w.-]+)\"?", Pattern.MULTILINE);
    private static final Pattern BELONGS_TO = Pattern.compile("\\bbelongs-to\\s+\"?([\\w.-]+)\"?");
    private static final Pattern REVISION = Pattern.compile("\\brevision\\s+\"?(\\d{4}-\\d{2}-\\d{2})\"?");
    private static final Pattern NAMESPACE = Pattern.compile("\\bnamespace\\s+\"([^\"]+)\"");

    private OpenConfigYang() {
        // static only
    }

    /**
     * The YANG directory: the system property {@value #DIRECTORY_PROPERTY}, else
     * {@code ../../shared/yang/openconfig-netconfd} relative to the it module (Maven's working directory), else
     * {@code ../shared/yang/openconfig-netconfd} relative to the repository root.
     *
     * @return the absolute, normalized directory
     * @throws IOException naming the expected path when it is missing
     */
    public static Path directory() throws IOException {
        final String configured = System.getProperty(DIRECTORY_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            final Path dir = Path.of(configured).toAbsolutePath().normalize();
            if (!Files.isRegularFile(dir.resolve("openconfig-network-instance.yang"))) {
                throw new IOException("no OpenConfig YANG set for netconfd at " + dir + " (system property "
                    + DIRECTORY_PROPERTY + "): it must contain openconfig-network-instance.yang");
            }
            return dir;
        }
        for (Path candidate : List.of(FROM_IT_MODULE, FROM_REPOSITORY)) {
            final Path dir = candidate.toAbsolutePath().normalize();
            if (Files.isRegularFile(dir.resolve("openconfig-network-instance.yang"))) {
                return dir;
            }
        }
        throw new IOException("no OpenConfig YANG set for netconfd at " + FROM_IT_MODULE.toAbsolutePath().normalize()
            + " (expected ../shared/yang/openconfig-netconfd beside the repository; or set -D" + DIRECTORY_PROPERTY
            + "=DIR)");
    }

    /**
     * Every module a netconfd leaf lists in its hello, in one folder: the OpenConfig set and netconfd's own
     * modules. As a leaf's {@code schema-directory} it spares ODL the download of netconfd's modules with
     * get-schema, which on a cluster member taking over after a failover left mounts without {@code ietf-netconf}
     * (ODL 10.0.2: "missing source ietf-netconf@2011-06-01" although the download had landed in the cache), so
     * every read failed and the session was dropped and built again the same way.
     *
     * @param target an empty or missing folder to fill
     * @return {@code target}
     * @throws IOException if the OpenConfig set or one of netconfd's modules is missing, or a copy fails
     */
    public static Path completeSchemaDirectory(final Path target) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(directory())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yang")).toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        for (String own : NETCONFD_OWN) {
            final Path file = NETCONFD_MODULES.resolve(own);
            if (!Files.isRegularFile(file)) {
                throw new IOException("netconfd's module " + file + " is missing (apt-get install netconfd)");
            }
            Files.copy(file, target.resolve(file.getFileName()));
        }
        return target;
    }

    /**
     * Convert an RFC 7951 JSON configuration (e.g. a renderer golden) to NETCONF XML with {@code yanglint}
     * (Debian {@code libyang2-tools}), validating it against the set on the way.
     *
     * @param json the JSON file (configuration data, top-level members named {@code module:container})
     * @return the data wrapped in a NETCONF {@code <config>} element, ready for edit-config
     * @throws IOException if yanglint is missing or rejects the data (its message is included)
     */
    public static String jsonToXml(final Path json) throws IOException {
        final Path dir = directory();
        final var command = new ArrayList<String>(List.of("yanglint", "-i", "-i", "-f", "xml", "-t", "config",
            "-p", dir.toString()));
        for (String module : MODULES) {
            if (isModule(dir.resolve(module + ".yang"))) {
                command.add(dir.resolve(module + ".yang").toString());
            }
        }
        command.add(json.toAbsolutePath().toString());
        final Commands.Started yanglint;
        try {
            yanglint = Commands.start(new ProcessBuilder(command), null);
        } catch (IOException e) {
            throw new IOException("cannot run yanglint (apt-get install libyang2-tools): " + e.getMessage(), e);
        }
        final var result = yanglint.await(YANGLINT_TIMEOUT);
        if (!result.ok() || result.stdout().isBlank()) {
            final String errors = result.stderr().lines().filter(line -> !line.startsWith("libyang warn"))
                .collect(Collectors.joining("\n"));
            throw new IOException("yanglint rejected " + json + " (exit " + result.exit() + "):\n" + errors);
        }
        return "<config xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\">\n" + result.stdout() + "</config>\n";
    }

    private static boolean isModule(final Path file) throws IOException {
        return !SUBMODULE.matcher(Files.readString(file)).find();
    }

    /**
     * The NETCONF capabilities of every submodule in the set, in the form ODL's netconf-node
     * {@code yang-module-capabilities} takes: {@code <parent namespace>?module=<submodule>&revision=<date>}.
     * netconfd leaves these out of its hello (it lists only modules), so ODL needs them added, together with the
     * submodule sources in its schema cache, to build the mount's schema (docs/simulators.md in ../shared).
     *
     * @return the capabilities, sorted by submodule name
     * @throws IOException if the set cannot be read
     */
    public static List<String> submoduleCapabilities() throws IOException {
        final Path dir = directory();
        final var result = new ArrayList<String>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yang")).sorted().toList()) {
                final String text = Files.readString(file);
                final Matcher submodule = SUBMODULE.matcher(text);
                if (!submodule.find()) {
                    continue;
                }
                final Matcher parent = BELONGS_TO.matcher(text);
                final Matcher revision = REVISION.matcher(text);
                if (!parent.find() || !revision.find()) {
                    throw new IOException("submodule without belongs-to or revision: " + file);
                }
                final Matcher namespace = NAMESPACE.matcher(Files.readString(dir.resolve(parent.group(1) + ".yang")));
                if (!namespace.find()) {
                    throw new IOException("module without namespace: " + parent.group(1));
                }
                result.add(namespace.group(1) + "?module=" + submodule.group(1) + "&revision=" + revision.group(1));
            }
        }
        return result;
    }
}
