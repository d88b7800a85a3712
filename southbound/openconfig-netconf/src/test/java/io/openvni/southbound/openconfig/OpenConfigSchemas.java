package io.openvni.southbound.openconfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.spi.source.FileYangTextSource;
import org.opendaylight.yangtools.yang.parser.api.YangParserException;
import org.opendaylight.yangtools.yang.parser.impl.DefaultYangParserFactory;

/**
 * The schema the simulated leaves run, parsed with yangtools the way ODL parses a mount point's sources: the
 * OpenConfig set for netconfd in {@code ../shared/yang/openconfig-netconfd} beside the repository (system property
 * {@value #DIRECTORY_PROPERTY} overrides). The top modules are sources; the rest of the directory is a library from
 * which the parser takes the import closure.
 */
final class OpenConfigSchemas {
    static final String DIRECTORY_PROPERTY = "openvni.openconfig.yang";

    /** The modules a leaf loads (as the simulators' netconfd --module list). */
    static final List<String> TOP_MODULES = List.of(
        "openconfig-interfaces", "openconfig-if-ip", "openconfig-if-ethernet", "openconfig-if-aggregate",
        "openconfig-vlan", "openconfig-network-instance", "openconfig-network-instance-l2", "openconfig-evpn",
        "openconfig-bgp", "openconfig-bgp-policy", "openconfig-routing-policy");

    // Maven runs tests in the module directory, southbound/openconfig-netconf: the set is beside the repository,
    // or beside the main checkout when the repository is a git worktree one level further down (/work/wt/NAME).
    private static final List<Path> CANDIDATES = List.of(
        Path.of("..", "..", "..", "shared", "yang", "openconfig-netconfd"),
        Path.of("..", "..", "..", "..", "shared", "yang", "openconfig-netconfd"));
    private static final Pattern SUBMODULE = Pattern.compile("^submodule\\s", Pattern.MULTILINE);

    private static EffectiveModelContext cached;
    private static EffectiveModelContext srlinux;

    private OpenConfigSchemas() {
        // static only
    }

    static Path directory() {
        final String configured = System.getProperty(DIRECTORY_PROPERTY);
        final var candidates = configured == null ? CANDIDATES : List.of(Path.of(configured));
        for (Path candidate : candidates) {
            final var dir = candidate.toAbsolutePath().normalize();
            if (Files.isRegularFile(dir.resolve("openconfig-network-instance.yang"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no OpenConfig YANG set (openconfig-network-instance.yang) in any of "
            + candidates.stream().map(path -> path.toAbsolutePath().normalize().toString()).toList()
            + ": expected ../shared/yang/openconfig-netconfd beside the repository, or -D" + DIRECTORY_PROPERTY
            + "=DIR");
    }

    /** The full leaf schema, parsed once per test JVM. */
    static synchronized EffectiveModelContext leaf() throws IOException, YangParserException {
        if (cached == null) {
            cached = parse(TOP_MODULES);
        }
        return cached;
    }

    /** A schema of the given top modules and their import closure only. */
    static EffectiveModelContext parse(final List<String> topModules) throws IOException, YangParserException {
        return parse(directory(), topModules);
    }

    /**
     * The SR Linux schema the simulated SR Linux leaves (netconf-testtool) run: every module of
     * {@code ../shared/yang/srlinux-testtool} beside the repository (files named {@code module@revision.yang}).
     */
    static synchronized EffectiveModelContext srlinux() throws IOException, YangParserException {
        if (srlinux == null) {
            final var dir = directory().resolveSibling("srlinux-testtool");
            try (Stream<Path> files = Files.list(dir)) {
                srlinux = parse(dir, files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".yang")).map(name -> name.replaceFirst("\\.yang$", "")).toList());
            }
        }
        return srlinux;
    }

    private static EffectiveModelContext parse(final Path dir, final List<String> topModules)
            throws IOException, YangParserException {
        final var parser = new DefaultYangParserFactory().createParser();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yang")).sorted().toList()) {
                final String name = file.getFileName().toString().replaceFirst("\\.yang$", "");
                if (topModules.contains(name) && !SUBMODULE.matcher(Files.readString(file)).find()) {
                    parser.addSource(new FileYangTextSource(file));
                } else {
                    parser.addLibSource(new FileYangTextSource(file));
                }
            }
        }
        return parser.buildEffectiveModel();
    }
}
