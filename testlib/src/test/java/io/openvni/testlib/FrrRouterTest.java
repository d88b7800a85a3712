package io.openvni.testlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lab's FRR against real daemons: watchfrr starts a zebra that died again with the command line of its first
 * start (and bgpd with it) and the operator's configuration, and {@link FrrRouter#stop()} ends the daemons for
 * good. Skipped without root, FRR or the namespace tools.
 */
class FrrRouterTest {
    private Path dir;
    private NamespaceHost host;

    @BeforeEach
    void startHost() throws IOException {
        final String missing = FrrRouter.missingPrerequisite();
        assumeTrue(missing == null, () -> "FRR cannot run here: " + missing);
        dir = Files.createTempDirectory("ovni-frr-router");
        // the daemons drop root for the frr user, which writes their pid files and logs here
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        host = NamespaceHost.start("frr-router-test", dir);
    }

    @AfterEach
    void closeHost() throws IOException {
        if (host != null) {
            host.close();
        }
        if (dir != null) {
            Commands.deleteTree(dir);
        }
    }

    @Test
    void watchfrrStartsADeadZebraAgainAsItWasStarted() throws Exception {
        final var router = FrrRouter.start(host, FrrRouter.Options.of("rtest").netnsVrf(true));
        final String firstPid = pid("zebra");
        final String firstLine = commandLine(firstPid);
        assertTrue(firstLine.contains(" -n ") && firstLine.contains("-s 90000000"), firstLine);
        router.configure("route-map OPERATOR permit 10\nexit");

        host.check("kill -9 " + firstPid);
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String pid = firstPid;
        while (System.nanoTime() < deadline && (pid.isEmpty() || pid.equals(firstPid) || !answers(router))) {
            TimeUnit.MILLISECONDS.sleep(200);
            pid = pidOrEmpty("zebra");
        }
        final String processes = host.sh("ps -eo pid,comm,args", null, Duration.ofSeconds(10)).stdout();
        assertFalse(pid.isEmpty() || pid.equals(firstPid), "watchfrr did not start zebra again within 60 s\n"
            + processes + router.log("watchfrr.log") + router.log("zebra.log"));
        assertTrue(answers(router), "the new zebra does not answer vtysh" + router.log("zebra.log"));
        assertEquals(firstLine, commandLine(pid), "the new zebra runs with another command line");
        // the operator's configuration comes back, as a Debian node's frr.conf does
        final long applied = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < applied && !router.runningConfig().contains("route-map OPERATOR permit 10")) {
            TimeUnit.MILLISECONDS.sleep(200);
        }
        assertTrue(router.runningConfig().contains("route-map OPERATOR permit 10"), router.runningConfig());
        // zebra's death restarts bgpd too (watchfrr's "restart all": bgpd lost its zebra session)
        assertTrue(host.check("vtysh -N rtest -d bgpd -c 'show version'").contains("FRRouting"),
            "bgpd does not answer");

        router.stop();
        final var left = host.sh("sleep 2; pgrep -x 'zebra|bgpd|watchfrr' || true", null, Duration.ofSeconds(10));
        assertEquals("", left.stdout().strip(), "daemons left running (or started again) after stop()");
    }

    private boolean answers(final FrrRouter router) {
        try {
            return router.vtysh("show version").contains("FRRouting");
        } catch (IOException e) {
            return false;
        }
    }

    private String pid(final String daemon) throws IOException {
        final String pid = pidOrEmpty(daemon);
        assertFalse(pid.isEmpty(), daemon + " does not run");
        return pid;
    }

    private String pidOrEmpty(final String daemon) throws IOException {
        // the pid file, not pgrep: a daemon forks away from its parent when it starts (-d)
        final String file = dir.resolve(daemon + ".pid").toString();
        return host.sh("pid=$(cat " + file + " 2>/dev/null) && kill -0 $pid 2>/dev/null && echo $pid || true", null,
            Duration.ofSeconds(10)).stdout().strip();
    }

    private String commandLine(final String pid) throws IOException {
        return host.check("tr '\\0' ' ' </proc/" + pid + "/cmdline");
    }
}
