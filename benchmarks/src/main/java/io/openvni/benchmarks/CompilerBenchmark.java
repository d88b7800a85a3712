package io.openvni.benchmarks;

import io.openvni.core.allocation.AllocationOutcome;
import io.openvni.core.allocation.Allocations;
import io.openvni.core.allocation.Allocator;
import io.openvni.core.compile.CompileResult;
import io.openvni.core.compile.IncrementalCompiler;
import io.openvni.core.intent.Intent;
import io.openvni.core.intent.Tenant;
import io.openvni.core.validation.IntentValidator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The compiler on a large fabric: a full compile of every device (validation and allocation included, as on a
 * controller start), and one network change compiled incrementally (as on a tenant edit). The incremental
 * benchmark prints how many devices it recompiled; it must be only the devices of the changed network.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = { "-Xms2g", "-Xmx2g" })
public class CompilerBenchmark {
    @Param("1000")
    int devices;

    @Param("500")
    int networks;

    @Param("10")
    int networksPerTenant;

    /** Racks each network is placed on: 2 of the 100 racks, or all 100 (every network on every device). */
    @Param({ "2", "100" })
    int racksPerNetwork;

    private Intent intent;
    private Intent changed;
    private CompileResult compiled;
    private Allocations changedAllocations;

    @Setup(Level.Trial)
    public void setUp() {
        intent = LargeFabric.build(devices, networks, networksPerTenant, racksPerNetwork);
        final var allocations = allocate(intent, Allocations.EMPTY);
        compiled = IncrementalCompiler.compileAll(intent, allocations);
        // one network of the middle tenant gets a second subnet and gateway
        final var tenant = intent.tenants().get(intent.tenants().size() / 2);
        final var network = tenant.networks().getFirst();
        final var edited = new io.openvni.core.intent.Network(network.name(), network.l2Vni(), network.vlan(),
            network.vrf(), concat(network.subnets(), "10.200.0.0/24"), concat(network.gateways(), "10.200.0.1/24"),
            network.arpSuppression(), 9000, network.nodeRouters(), network.leafSwitches());
        changed = intent.withTenants(intent.tenants().stream()
            .map(t -> t != tenant ? t : new Tenant(t.name(), t.description(), t.vrfs(), t.networks().stream()
                .map(n -> n == network ? edited : n).toList()))
            .toList());
        changedAllocations = allocate(changed, allocations);
        final var once = IncrementalCompiler.compile(compiled.fabric(), changed, changedAllocations);
        System.out.printf("%n[openvni] fabric: %d devices, %d networks in %d tenants, each network on %d racks;"
            + " full compile: %d device configs with %d segments; one network change: %d devices recompiled,"
            + " %d changed%n", compiled.fabric().devices().size(), networks, intent.tenants().size(),
            racksPerNetwork, compiled.changed().size(), compiled.fabric().devices().values().stream()
                .mapToInt(device -> device.intent().segments().size()).sum(),
            once.recompiled().size(), once.changed().size());
    }

    @Benchmark
    public CompileResult fullCompile() {
        final var errors = IntentValidator.validate(intent, Allocations.EMPTY);
        if (!errors.isEmpty()) {
            throw new IllegalStateException(errors.size() + " validation errors, first: " + errors.getFirst());
        }
        return IncrementalCompiler.compileAll(intent, allocate(intent, Allocations.EMPTY));
    }

    @Benchmark
    public CompileResult oneNetworkChange() {
        return IncrementalCompiler.compile(compiled.fabric(), changed, changedAllocations);
    }

    private static Allocations allocate(final Intent intent, final Allocations previous) {
        return switch (Allocator.allocate(intent, previous)) {
            case AllocationOutcome.Allocated allocated -> allocated.allocations();
            case AllocationOutcome.Failed failed -> throw new IllegalStateException(failed.errors().toString());
        };
    }

    private static java.util.List<String> concat(final java.util.List<String> list, final String value) {
        final var result = new java.util.ArrayList<>(list);
        result.add(value);
        return result;
    }
}
