package io.openvni.it;

import static io.openvni.it.DemoData.PREVIEW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvni.testlib.controller.Credentials;
import io.openvni.testlib.controller.OpenVniController;
import io.openvni.testlib.controller.RestconfClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * ODL's RESTCONF OpenAPI explorer in OpenVNI's distribution: its OpenAPI document lists OpenVNI's modules and RPCs
 * and answers only with RESTCONF's credentials; in Debian's real chromium
 * (headless, through chromedriver) the explorer page shows the openvni-tenant module, and a "Try it out" of
 * preview-device-config for leaf1 of the demo fabric shows, in the page's response body, the configuration RESTCONF
 * gives for that device.
 */
@OpenVniController
class OpenApiExplorerIT {
    private static final String EXPLORER = "/openapi/explorer/index.html";
    private static final String DOCUMENT = "/openapi/api/v3/single";
    private static final String JSON = "application/json";
    private static final String PREVIEW_PATH = "/rests/operations/openvni-tenant:preview-device-config";
    private static final Duration BROWSER_LIFETIME = Duration.ofMinutes(8);
    /** The explorer renders the whole controller's API (every module ODL serves): slow on a busy 2-core machine. */
    private static final Duration UI_WAIT = Duration.ofSeconds(180);
    private static final Path CAPTURES = Path.of(System.getProperty("openvni.it.logdir", "target/karaf-logs"),
        "OpenApiExplorerIT");

    // HTTP/1.1: a GET offering the upgrade to HTTP/2 (the client's default) got no answer from Jetty within 60 s
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theDocumentListsOpenVniAndNeedsCredentials(final RestconfClient restconf) throws Exception {
        final var server = restconf.server();
        assertEquals(401, get(server, DOCUMENT, null).statusCode(), "the OpenAPI document without login");
        assertEquals(401, get(server, EXPLORER, null).statusCode(), "the explorer page without login");
        assertEquals(401, get(server, DOCUMENT, new Credentials("admin", "wrong")).statusCode(),
            "the OpenAPI document with a wrong password");

        final var document = get(restconf.server(), DOCUMENT, Credentials.RESTCONF_ADMIN);
        assertEquals(200, document.statusCode(), document::body);
        final var paths = RestconfClient.parse(document.body()).path("paths");
        for (var path : List.of(PREVIEW_PATH, "/rests/data/openvni-tenant:tenants",
                "/rests/data/openvni-fabric:fabric", "/rests/data/openvni-status:status")) {
            assertTrue(paths.has(path), () -> path + " in " + paths.propertyStream().map(Map.Entry::getKey).toList());
        }
        assertTrue(paths.path(PREVIEW_PATH).has("post"), () -> paths.path(PREVIEW_PATH).toString());
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void tryItOutPreviewsTheDeviceConfigInTheBrowser(final RestconfClient restconf) throws Exception {
        final String missing = HeadlessChromium.missingPrerequisite();
        assumeTrue(missing == null, missing);
        DemoData.reset(restconf);
        final var direct = restconf.post(PREVIEW, DemoData.preview("leaf1"));
        assertEquals(200, direct.status(), direct::toString);
        final JsonNode expected = direct.json().path("openvni-tenant:output");
        assertEquals("openconfig-json", expected.path("format").asText(), direct::toString);

        try (var browser = HeadlessChromium.start(BROWSER_LIFETIME,
                Map.of("Authorization", basic(Credentials.RESTCONF_ADMIN)))) {
            final JsonNode shown;
            try {
                shown = tryItOut(browser, restconf.server() + EXPLORER);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + " (page captured: " + browser.capture(CAPTURES, "failed")
                    + ")", e);
            }
            browser.capture(CAPTURES, "response");
            assertEquals(expected, shown.path("openvni-tenant:output"),
                "the page's response body is the device's configuration RESTCONF gives");
            assertTrue(shown.path("openvni-tenant:output").path("config").asText()
                .contains("openconfig-network-instance:network-instances"), shown::toString);
        }
    }

    /** The explorer's "Try it out" of preview-device-config for leaf1: the response body the page shows. */
    private static JsonNode tryItOut(final HeadlessChromium browser, final String url) {
        final var driver = browser.driver();
        final var wait = new WebDriverWait(driver, UI_WAIT, Duration.ofMillis(500));
        driver.get(url);

        // the module's operations are grouped under its tag (the explorer shows the tag's last word)
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
            "//h3[contains(@class,'opblock-tag')][.//a[normalize-space()='openvni-tenant']]"))).click();
        final var operation = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
            "//div[contains(@class,'opblock-post')][.//*[@data-path='" + PREVIEW_PATH + "']]")));
        operation.findElement(By.cssSelector(".opblock-summary")).click();
        wait.until(ExpectedConditions.elementToBeClickable(nested(wait, operation, ".try-out__btn"))).click();

        final WebElement body = wait.until(ExpectedConditions.elementToBeClickable(
            nested(wait, operation, "textarea.body-param__text")));
        body.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        body.sendKeys(DemoData.preview("leaf1"));
        // JSON both ways (the request's media type and the response's Accept), wherever the page offers a choice
        for (var select : operation.findElements(By.tagName("select"))) {
            final var choice = new Select(select);
            if (choice.getOptions().stream().anyMatch(option -> JSON.equals(option.getDomProperty("value")))) {
                choice.selectByValue(JSON);
            }
        }
        nested(wait, operation, "button.execute").click();

        final var status = nested(wait, operation, ".live-responses-table tr.response .response-col_status");
        final var responseBody = nested(wait, operation, ".live-responses-table tr.response .highlight-code pre");
        driver.executeScript("arguments[0].scrollIntoView()", status);
        final var text = responseBody.getDomProperty("textContent");
        assertEquals("200", status.getText().strip(), () -> "the explorer's call answered " + status.getText()
            + ": " + text);
        return RestconfClient.parse(text);
    }

    /** The first element in the parent matching the CSS selector, once the page has rendered it. */
    private static WebElement nested(final WebDriverWait wait, final WebElement parent, final String css) {
        return wait.until(ExpectedConditions.presenceOfNestedElementLocatedBy(parent, By.cssSelector(css)));
    }

    /** A GET asking for JSON (ODL's OpenAPI resources refuse RESTCONF's media type), as the user, or anonymously. */
    private HttpResponse<String> get(final URI server, final String path, final @Nullable Credentials user)
            throws IOException, InterruptedException {
        final var request = HttpRequest.newBuilder(server.resolve(path)).timeout(Duration.ofSeconds(60))
            .header("Accept", JSON);
        if (user != null) {
            request.header("Authorization", basic(user));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(final Credentials user) {
        return "Basic " + Base64.getEncoder().encodeToString((user.user() + ":" + user.password())
            .getBytes(StandardCharsets.UTF_8));
    }
}
