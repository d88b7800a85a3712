package io.openvni.benchmarks;

import io.openvni.core.allocation.Allocations;
import io.openvni.core.intent.DeviceLimits;
import io.openvni.core.intent.Fabric;
import io.openvni.core.intent.Intent;
import io.openvni.core.intent.Network;
import io.openvni.core.intent.NumberRange;
import io.openvni.core.intent.Tenant;
import io.openvni.core.intent.Vrf;
import io.openvni.core.validation.IntentValidator;
import io.openvni.core.validation.ValidationReport;
import java.util.ArrayList;
import java.util.List;
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
 * Admission of one big tenant, as the commit cohort runs it: a valid tenant (the baseline) and the same tenant with
 * three errors in every network, answered with the bounded report. Each network has its own VRF, so a check that
 * looks VRFs up by scanning the tenant grows with the square of its size. The per-network cost should stay flat
 * across sizes, and the errors should cost a small multiple of the valid tenant's admission.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = { "-Xms1g", "-Xmx1g" })
public class ValidationBenchmark {
    /** Networks of the tenant; 4,000 is about as many as a VLAN pool (1..4094) lets a valid tenant have. */
    @Param({ "500", "1000", "4000" })
    int networks;

    private Intent valid;
    private Intent invalid;

    @Setup(Level.Trial)
    public void setUp() {
        final var devices = LargeFabric.build(10, 0, 1, 1).fabric();
        // pools and limits that let every network and VRF of the valid tenant in
        final var unlimited = new DeviceLimits.RoleLimits(Long.MAX_VALUE, Long.MAX_VALUE);
        final var fabric = new Fabric(devices.routeTargetAsn(), devices.anycastGatewayMac(),
            new NumberRange(10_000, 99_999), new NumberRange(100_000, 199_999), new NumberRange(1, 4094),
            devices.vtepPool(), devices.autoHeal(), devices.driftCheckIntervalSeconds(),
            new DeviceLimits(unlimited, unlimited), devices.leafSwitches(), devices.nodeRouters());
        final var vrfs = new ArrayList<Vrf>();
        final var good = new ArrayList<Network>();
        final var bad = new ArrayList<Network>();
        for (int i = 0; i < networks; i++) {
            final var vrf = "vrf" + i;
            vrfs.add(new Vrf(vrf, null, List.of(), List.of()));
            final var network = LargeFabric.network(i, 1, 1);
            good.add(new Network(network.name(), null, null, vrf, network.subnets(), network.gateways(), true, null,
                network.nodeRouters(), network.leafSwitches()));
            // a VLAN out of range (the same for all: reused too), a gateway outside the subnet, an MTU too small
            bad.add(new Network(network.name(), null, 5000, vrf, network.subnets(), List.of("192.168.0.1/24"), true,
                100, network.nodeRouters(), network.leafSwitches()));
        }
        valid = new Intent(fabric, List.of(new Tenant("big", "", vrfs, good)));
        invalid = new Intent(fabric, List.of(new Tenant("big", "", vrfs, bad)));
        final var errors = IntentValidator.admit(invalid, Allocations.EMPTY);
        if (!IntentValidator.admit(valid, Allocations.EMPTY).isEmpty() || errors.size() != 4 * networks - 1) {
            throw new IllegalStateException("the tenants are not as intended: " + ValidationReport.of(errors)
                .message());
        }
        System.out.printf("%n[openvni] one tenant of %d networks and VRFs; with errors: %d errors, answer of %d"
            + " characters%n", networks, errors.size(), ValidationReport.of(errors).message().length());
    }

    @Benchmark
    public int validTenant() {
        return IntentValidator.admit(valid, Allocations.EMPTY).size();
    }

    @Benchmark
    public String tenantFullOfErrors() {
        return ValidationReport.of(IntentValidator.admit(invalid, Allocations.EMPTY)).message();
    }
}
