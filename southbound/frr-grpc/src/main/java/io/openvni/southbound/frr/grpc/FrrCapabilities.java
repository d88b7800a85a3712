package io.openvni.southbound.frr.grpc;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * What one FRR daemon's northbound reports about itself: its FRR version, whether it keeps transactions for
 * rollbacks, the YANG modules it implements (each daemon serves only its own) and the encodings it speaks.
 */
public record FrrCapabilities(String frrVersion, boolean rollbackSupport, List<YangModule> modules,
        List<String> encodings) {

    /** A YANG module and its revision as the daemon reports them; the revision may be empty. */
    public record YangModule(String name, String organization, String revision) {
        public YangModule {
            requireNonNull(name);
            requireNonNull(organization);
            requireNonNull(revision);
        }
    }

    public FrrCapabilities {
        requireNonNull(frrVersion);
        modules = List.copyOf(modules);
        encodings = List.copyOf(encodings);
    }

    public Optional<YangModule> module(final String name) {
        requireNonNull(name);
        return modules.stream().filter(module -> module.name().equals(name)).findFirst();
    }

    public boolean hasModule(final String name) {
        return module(name).isPresent();
    }
}
