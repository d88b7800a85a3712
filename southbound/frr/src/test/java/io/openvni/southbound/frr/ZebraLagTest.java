package io.openvni.southbound.frr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openvni.core.render.frr.FrrRenderer;
import io.openvni.core.render.frr.KernelPlanner;
import io.openvni.southbound.spi.ApplyProgress;
import io.openvni.southbound.spi.ApplyResult;
import io.openvni.southbound.spi.ReadResult;
import io.openvni.southbound.spi.ReadScope;
import io.openvni.southbound.ssh.ExecResult;
import io.openvni.southbound.ssh.NodeUnreachableException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A zebra that has not taken up every device yet, on a real node: what zebra shows is edited on its way to the
 * driver (the one test double here; a real zebra lags only behind thousands of new devices), the node and its
 * devices are real.
 */
@Timeout(60)
class ZebraLagTest extends RealNodeTest {
    @Test
    void aPassLeavesWhatZebraLacksToTheCheckInsteadOfCreatingItAnew() throws Exception {
        final var intent = NodeIntents.netnsVrf();
        DriverPasses.sync(driver, node, intent, null);
        final String ifindex = node.check("ip -n ovrf50000 -o link show ovvx10100").split(":")[0];

        // zebra as if still working through a big change: it shows VNI 10100 without its VXLAN device yet
        final var lagging = new FrrNodeDriver(device -> zebraShowing(node, "\"vxlanIf\":\\s*\"ovvx10100\""),
            FrrNodeSettings.DEFAULT);
        final var changes = DriverPasses.diff(lagging, intent, null);
        assertEquals(List.of(new NodeChange.AwaitZebra(List.of("ovvx10100"))), changes.changes());

        // zebra catches up: the check finds nothing left and writes nothing, so the device is the same one
        assertInstanceOf(ApplyResult.Applied.class, driver.apply(intent, changes, ApplyProgress.NONE));
        assertEquals(ifindex, node.check("ip -n ovrf50000 -o link show ovvx10100").split(":")[0]);
    }

    @Test
    void anSviZebraHoldsUnderAStaleIndexIsCreatedAnew() throws Exception {
        final var intent = NodeIntents.netnsVrf();
        DriverPasses.sync(driver, node, intent, null);
        final String index = kernelIndex("ovbr10100");
        final var kernel = ((NodeState) assertInstanceOf(ReadResult.Current.class,
            driver.readOwned(new ReadScope(intent, null))).config()).kernel();
        final var svis = kernel.links().stream().filter(link -> link.name().startsWith("ovbr10")).toList();
        // the real zebra, asked: it holds each SVI under the kernel's index
        final var indexes = NodeReader.zebraIndexes(node.shell(), FrrNodeSettings.DEFAULT.vtyshFor(intent), svis,
            Duration.ofSeconds(10));
        assertEquals(svis.size(), indexes.size(), indexes::toString);
        svis.forEach(link -> assertEquals(link.index(), indexes.get(link.name()), link.name()));

        // zebra as if it had missed ovbr10100 being created anew: it shows the old device, under index 1, without
        // the address, for as long as the kernel's device is the one it missed
        final NodeShell stale = new NodeShell() {
            @Override
            public ExecResult exec(final String command, final @Nullable String stdin, final Duration timeout)
                    throws NodeUnreachableException {
                final var result = node.shell().exec(command, stdin, timeout);
                if (!kernelIndex("ovbr10100").equals(index)) {
                    return result;
                }
                return new ExecResult(result.exitStatus(), result.stdout()
                    .replaceAll("(\"ovbr10100\":\\{[^}]*\"addresses\":\\[)[^\\]]*\\]", "$1]")
                    .replace("\"index\":" + index + ",", "\"index\":1,"), result.stderr());
            }

            @Override
            public OptionalLong session() {
                return node.shell().session();
            }
        };
        final var lagging = new FrrNodeDriver(device -> stale, FrrNodeSettings.DEFAULT);
        final var changes = DriverPasses.diff(lagging, intent, null);
        assertEquals(List.of(new NodeChange.AwaitZebra(List.of("ovbr10100"))), changes.changes());
        // the check readdresses nothing zebra would ignore: it creates the device anew, which zebra takes up
        assertInstanceOf(ApplyResult.Applied.class, lagging.apply(intent, changes, ApplyProgress.NONE));
        assertNotEquals(index, kernelIndex("ovbr10100"), "ovbr10100 was not created anew");
        assertTrue(node.check("ip -n ovrf50000 -o addr show dev ovbr10100").contains("10.1.0.1/24"));
    }

    @Test
    @Timeout(120)
    void theCheckCreatesAnewOnlySoManyOfTheDevicesZebraLacksAtOnce() throws Exception {
        final var intent = NodeIntents.pureL2(100);
        DriverPasses.sync(driver, node, intent, null);
        // zebra as if it had taken up none of the 100 VXLAN devices yet
        final var lagging = new FrrNodeDriver(device -> zebraShowing(node, "\"vxlanIf\":\\s*\"ovvx[0-9]+\""),
            FrrNodeSettings.DEFAULT);
        final var read = lagging.readOwned(new ReadScope(intent, null));
        final var state = (NodeState) assertInstanceOf(ReadResult.Current.class, read)
            .config();
        final var planner = new KernelPlanner();
        final var left = new NodeDiff(new FrrRenderer(), planner, 1_000)
            .left(state, intent, planner.plan(intent));
        final long recreated = left.changes().stream().filter(NodeChange.Kernel.class::isInstance)
            .flatMap(change -> ((NodeChange.Kernel) change).batch().commands().stream())
            .filter(command -> command.startsWith("link del ovvx")).count();
        assertEquals(NodeDiff.RECREATED_PER_REPAIR, recreated, left::describe);
    }

    @Test
    void aScriptIsStoppedOnTheNodeAtItsBound() throws Exception {
        final String marker = "/tmp/openvni-script-bound-" + ProcessHandle.current().pid();
        final var result = node.shell().exec(NodeScript.commandLine(Duration.ofSeconds(1)),
            new NodeScript().line("sleep 4").line("touch " + marker).text(), Duration.ofSeconds(20));
        assertEquals(NodeScript.TIMED_OUT, result.exitStatus(), result::toString);
        // the script's sleep would have ended by now
        Thread.sleep(4_500);
        assertEquals("absent\n", node.check("[ -e " + marker + " ] && echo present || echo absent"),
            "the script went on after its bound");
    }

    private String kernelIndex(final String device) throws NodeUnreachableException {
        return node.check("ip -n ovrf50000 -o link show " + device).split(":")[0];
    }

    // The node's shell, with the VXLAN devices zebra shows for its VNIs that match hidden from what it reads.
    private static NodeShell zebraShowing(final FrrNode node, final String hiddenVxlan) {
        return new NodeShell() {
            @Override
            public ExecResult exec(final String command, final @Nullable String stdin, final Duration timeout)
                    throws NodeUnreachableException {
                final var result = node.shell().exec(command, stdin, timeout);
                return new ExecResult(result.exitStatus(), result.stdout().replaceAll(hiddenVxlan, "\"vxlanIf\":\"-\""),
                    result.stderr());
            }

            @Override
            public OptionalLong session() {
                return node.shell().session();
            }
        };
    }
}
