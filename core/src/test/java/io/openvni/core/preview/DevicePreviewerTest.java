package io.openvni.core.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvni.core.allocation.AllocationOutcome;
import io.openvni.core.allocation.Allocations;
import io.openvni.core.allocation.Allocator;
import io.openvni.core.compile.CompiledFabric;
import io.openvni.core.compile.DeviceRole;
import io.openvni.core.compile.IncrementalCompiler;
import io.openvni.core.intent.Intent;
import io.openvni.core.intent.LeafSwitch;
import io.openvni.core.render.Golden;
import io.openvni.core.render.frr.KernelPlan;
import io.openvni.core.testing.IntentFixtures;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline on the sample fabric, intent to rendered device configuration, against golden files.
 */
class DevicePreviewerTest {
    private final DevicePreviewer previewer = new DevicePreviewer();

    private static CompiledFabric sampleFabric() throws Exception {
        return compile(IntentFixtures.sample());
    }

    private static CompiledFabric compile(final Intent intent) {
        if (!(Allocator.allocate(intent, Allocations.EMPTY) instanceof AllocationOutcome.Allocated allocated)) {
            throw new AssertionError("sample does not allocate");
        }
        return IncrementalCompiler.compileAll(intent, allocated.allocations()).fabric();
    }

    @Test
    void leafSwitchPreviewIsOpenConfigJson() throws Exception {
        final var preview = previewer.preview(sampleFabric().device(IntentFixtures.LEAF1).orElseThrow());
        assertEquals(DeviceRole.LEAF_SWITCH, preview.role());
        assertEquals(DevicePreview.Format.OPENCONFIG_JSON, preview.format());
        assertEquals(1, preview.generation());
        assertTrue(preview.kernelDevices().isEmpty());
        Golden.assertJson("sample-fabric-leaf1.json", new ObjectMapper().readTree(preview.config()));
    }

    @Test
    void nodeRouterPreviewIsFrrTextAndKernelDevices() throws Exception {
        final var preview = previewer.preview(sampleFabric().device(IntentFixtures.N1).orElseThrow());
        assertEquals(DeviceRole.NODE_ROUTER, preview.role());
        assertEquals(DevicePreview.Format.FRR, preview.format());
        Golden.assertText("sample-fabric-n1.frr", preview.config());
        Golden.assertText("sample-fabric-n1.kernel.txt", new KernelPlan(preview.kernelDevices()).text());
    }

    @Test
    void aFabricMayMixDialects() throws Exception {
        final var fabric = compile(IntentFixtures.withLeaf(IntentFixtures.sample(), IntentFixtures.LEAF2,
            leaf -> leaf.dialect(LeafSwitch.Dialect.SRLINUX).vtepSourceInterface("system0.0")
                .accessInterfaces("ethernet-1/1")));
        final var srlinux = previewer.preview(fabric.device(IntentFixtures.LEAF2).orElseThrow());
        assertEquals(DevicePreview.Format.SRLINUX_JSON, srlinux.format());
        // beside the SR Linux renderer's own goldens, so that SrlinuxYanglintTest checks it too
        Golden.assertJson("srlinux/sample-fabric-leaf2.json", new ObjectMapper().readTree(srlinux.config()));
        final var openConfig = previewer.preview(fabric.device(IntentFixtures.LEAF1).orElseThrow());
        assertEquals(DevicePreview.Format.OPENCONFIG_JSON, openConfig.format());
        Golden.assertJson("sample-fabric-leaf1.json", new ObjectMapper().readTree(openConfig.config()));
    }
}
