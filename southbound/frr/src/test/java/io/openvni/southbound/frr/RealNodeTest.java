package io.openvni.southbound.frr;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test of the driver on a fresh real FRR node ({@link FrrNode}) each: skipped where FRR is not installed or the
 * tests do not run as root. A test may replace {@link #node} (a node reboot); the driver reaches whichever node the
 * field holds.
 */
abstract class RealNodeTest {
    protected FrrNode node;
    protected FrrNodeDriver driver;

    @BeforeAll
    static void requireFrr() {
        assumeTrue(FrrNode.available(), "FRR, nsenter/unshare or root missing");
    }

    @BeforeEach
    void startNode() throws Exception {
        node = FrrNode.start();
        driver = new FrrNodeDriver(device -> node.shell(), FrrNodeSettings.DEFAULT);
    }

    @AfterEach
    void stopNode() {
        if (node != null) {
            node.close();
        }
    }
}
