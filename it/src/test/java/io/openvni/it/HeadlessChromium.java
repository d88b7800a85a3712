package io.openvni.it;

import io.openvni.testlib.controller.ControllerDistribution;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jdt.annotation.Nullable;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium, headless, driven through Debian's chromedriver (Selenium), bounded in time: both run under
 * timeout(1) (so they end even if the test JVM dies), in a private profile folder that goes with them on
 * {@link #close()}.
 */
final class HeadlessChromium implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final Path dir;
    private final ChromeDriver driver;

    private HeadlessChromium(final Path dir, final ChromeDriver driver) {
        this.dir = dir;
        this.driver = driver;
    }

    /** Why the browser cannot run here, or {@code null} if it can. */
    static @Nullable String missingPrerequisite() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            return "chromium and chromium-driver are not installed (scripts/setup.sh tests)";
        }
        return null;
    }

    /**
     * Starts the browser; it lives at most {@code lifetime}.
     *
     * @param headers sent with every request of the browser's pages, for example the HTTP Basic authorization a
     *     browser sends once its user has answered the server's login prompt (headless, there is no prompt)
     */
    static HeadlessChromium start(final Duration lifetime, final Map<String, String> headers) throws IOException {
        final var dir = Files.createTempDirectory("openvni-chromium");
        final var seconds = String.valueOf(lifetime.toSeconds());
        final var options = new ChromeOptions()
            .setBinary(bounded(dir, "chromium", CHROMIUM, seconds).toFile())
            // tests run as root, where chromium's sandbox cannot start; /dev/shm may be small in containers
            .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1000", "--user-data-dir=" + dir.resolve("profile"), "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync");
        final var service = new ChromeDriverService.Builder()
            .usingDriverExecutable(bounded(dir, "chromedriver", CHROMEDRIVER, seconds).toFile())
            .usingAnyFreePort()
            .withLogFile(dir.resolve("chromedriver.log").toFile())
            .build();
        final ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            ControllerDistribution.log("chromedriver failed to start; its log: " + readQuietly(dir.resolve(
                "chromedriver.log")));
            deleteQuietly(dir);
            throw e;
        }
        final var browser = new HeadlessChromium(dir, driver);
        try {
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(30));
            // chromedriver's own DevTools pass-through: no Selenium DevTools binding for this chromium's version needed
            driver.executeCdpCommand("Network.enable", Map.of());
            driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", headers));
        } catch (RuntimeException e) {
            browser.close();
            throw e;
        }
        return browser;
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Saves a screenshot and the page's HTML next to the test reports; the folder, or why not. */
    String capture(final Path folder, final String name) {
        try {
            Files.createDirectories(folder);
            Files.write(folder.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            Files.writeString(folder.resolve(name + ".html"), driver.getPageSource());
            return folder.toAbsolutePath().toString();
        } catch (IOException | RuntimeException e) {
            return "no capture: " + e;
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(dir);
        }
    }

    /** A script that runs the program under timeout(1): TERM after the lifetime, KILL 10 s later. */
    private static Path bounded(final Path dir, final String name, final Path program, final String seconds)
            throws IOException {
        final var script = dir.resolve(name);
        Files.writeString(script, "#!/bin/sh\nexec timeout -k 10 " + seconds + " " + program + " \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private static String readQuietly(final Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static void deleteQuietly(final Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            ControllerDistribution.log("cannot delete " + dir + ": " + e);
        }
    }
}
