package com.insurepay.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.insurepay.common.analytics.AnalyticsRollup;
import com.insurepay.common.payment.EmailRecord;
import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.PaymentChanges;
import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.common.payment.StripeEvidence;
import com.insurepay.common.payment.Transition;
import com.insurepay.common.payment.TransitionCause;
import com.insurepay.common.store.PaymentRepository;
import com.insurepay.common.table.TableName;
import com.insurepay.testsupport.DynamoDbSandboxTestResource;
import com.insurepay.testsupport.HeadlessChromium;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The console in a real browser (Debian's headless Chromium): sign in through the form, open every page, no
 * console error (a CSP violation is one), no horizontal scrolling on a phone, keyboard reaches the search. The
 * screenshots land in target/screenshots/; the ones in docs/ and the README are copies.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbSandboxTestResource.class)
class ConsoleBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static WebDriver browser;

    /** Pages opened on purpose with a 4xx status: Chromium reports their status as a console error. */
    private final List<String> expectedErrorDocuments = new java.util.ArrayList<>();

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestData data;

    @Inject
    PaymentRepository payments;

    @Inject
    DynamoDbClient client;

    @Inject
    TableName table;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = HeadlessChromium.start("1280,1000");
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @AfterEach
    void noConsoleErrors() {
        if (browser == null) {
            return;
        }
        List<String> errors = HeadlessChromium.consoleErrors(browser, expectedErrorDocuments);
        assertTrue(errors.isEmpty(), "browser console errors: " + String.join("\n", errors));
    }

    @Test
    void everyPageOfTheConsole() throws Exception {
        Payment shown = seedADayOfSales();
        browser.manage().deleteAllCookies();
        open("t/acme/payments");
        assertTrue(browser.getCurrentUrl().endsWith("/login"), "sent to the login page: " + browser.getCurrentUrl());
        assertEquals("Sign in", browser.findElement(By.tagName("h1")).getText());
        screenshot("login");
        browser.findElement(By.id("j_username")).sendKeys("operator");
        navigates(() -> browser.findElement(By.id("j_password")).sendKeys(Login.PASSWORD, Keys.ENTER));
        assertEquals("Payments of acme", browser.findElement(By.tagName("h1")).getText(), "back where the operator wanted to go");
        open("");
        assertEquals("Choose a tenant", browser.findElement(By.tagName("h1")).getText());
        screenshot("tenants");

        navigates(() -> browser.findElement(By.linkText("acme")).click());
        assertEquals("Payments of acme", browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElement(By.id("current-tenant")).getText().contains("acme"));
        screenshot("search-today");

        open("t/acme/payments?date=" + LocalDate.now(ZoneOffset.UTC) + "&status=completed");
        assertTrue(browser.findElements(By.cssSelector("#results tbody tr")).size() >= 1);
        screenshot("search-status-and-day");

        openExpectingErrorStatus("t/acme/payments?status=paid");
        assertTrue(browser.findElement(By.id("problems")).getText().contains("status must be one of"));
        screenshot("search-bad-input");

        open("t/acme/payments/" + shown.paymentId());
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains(shown.paymentId()));
        assertTrue(browser.findElement(By.id("timeline")).getText().contains("Refused"));
        assertTrue(browser.findElement(By.id("timeline")).getText().contains("policy confirmation e-mailed"));
        screenshot("payment-timeline");

        open("t/acme/deliveries");
        assertTrue(browser.findElements(By.cssSelector("#deliveries tbody tr")).size() >= 2);
        screenshot("deliveries");

        open("t/acme/mismatches");
        assertEquals(1, browser.findElements(By.cssSelector("#deliveries tbody tr")).size());
        screenshot("mismatches");

        open("t/acme/analytics");
        assertEquals(2, browser.findElements(By.cssSelector("svg.chart")).size());
        screenshot("analytics");

        openExpectingErrorStatus("t/acme/payments/pay_01JXXXXXXXXXXXXXXXXXXXXXXX");
        assertEquals("Not found", browser.findElement(By.tagName("h1")).getText());
    }

    @Test
    void keyboardOnlySearchAndAPhoneWidthWithoutSidewaysScrolling() throws Exception {
        seedADayOfSales();
        signIn();
        open("t/acme/payments");
        // Skip link first, then the header's links and the search form: all reachable with Tab.
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertEquals("Skip to main content", browser.switchTo().activeElement().getText());
        browser.findElement(By.id("status")).sendKeys("completed");
        navigates(() -> browser.findElement(By.id("user_id")).sendKeys(Keys.ENTER));
        assertTrue(browser.getCurrentUrl().contains("status=completed"), browser.getCurrentUrl());

        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            for (String page : List.of("t/acme/payments", "t/acme/deliveries", "t/acme/analytics")) {
                open(page);
                Number scroll = (Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth;");
                Number client = (Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.clientWidth;");
                assertTrue(scroll.intValue() <= client.intValue(), page + ": no horizontal scrolling on a phone (tables scroll inside)");
            }
            open("t/acme/payments");
            screenshot("search-mobile");
            open("t/acme/deliveries");
            screenshot("deliveries-mobile");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    private void signIn() {
        browser.manage().deleteAllCookies();
        open("login");
        browser.findElement(By.id("j_username")).sendKeys("operator");
        navigates(() -> browser.findElement(By.id("j_password")).sendKeys(Login.PASSWORD, Keys.ENTER));
    }

    /**
     * Does what submits a form or follows a link, then waits until the browser has left the page (its root element
     * went stale) and the next one has loaded: a findElement right after a submit could otherwise still see, or race
     * with, the page being left.
     */
    private void navigates(Runnable action) {
        WebElement before = browser.findElement(By.tagName("html"));
        action.run();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.until(ExpectedConditions.stalenessOf(before));
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** Some of today's sales of tenant acme, a refund, a policy, a mismatch, and their deliveries. */
    private Payment seedADayOfSales() {
        Instant now = Instant.now();
        Payment shown = null;
        for (int i = 0; i < 6; i++) {
            Payment p = data.checkout("acme", TestData.unique("user_"), TestData.unique("quote_"), now.minusSeconds(600 - i * 60L));
            if (i % 3 == 2) {
                continue;
            }
            String evt = TestData.unique("evt_");
            Payment paid = data.paid(p, evt);
            data.delivery(evt, "checkout.session.completed", p.stripeSessionId(), p.paymentId(), "applied", now.minusSeconds(300 - i));
            if (i == 1) {
                data.issuePolicy(paid);
                data.refundRequest(paid, 5_000, "succeeded", "re_" + TestData.unique(""));
                data.move(paid, PaymentStatus.PARTIALLY_REFUNDED, PaymentChanges.NONE.withRefundedAmount(5_000), TestData.unique("evt_"));
                String forged = TestData.unique("evt_");
                payments.apply(p.paymentId(),
                        Transition.to(PaymentStatus.COMPLETED, TransitionCause.webhook(forged, "checkout.session.completed"))
                                .with(PaymentChanges.paid("pi_other"))
                                .provenBy(StripeEvidence.session("cs_test_other", null, "pi_other", 100L, "sgd")));
                data.delivery(forged, "checkout.session.completed", "cs_test_other", p.paymentId(), "mismatch", now.minusSeconds(100));
                data.savedLinkMailed(paid, now.minusSeconds(500), "alice@example.com");
                data.emailed(paid, Instant.now(), EmailRecord.Kind.POLICY_CONFIRMATION, EmailRecord.Outcome.FAILED,
                        "auto-issuer", null);
                data.emailed(paid, Instant.now().plusMillis(1), EmailRecord.Kind.POLICY_CONFIRMATION, EmailRecord.Outcome.SENT,
                        "mcp:assistant-1", "req-mail-1");
                shown = paid;
            }
        }
        new AnalyticsRollup(client, table.value(), Clock.systemUTC(), new SimpleMeterRegistry(), 10_000).sweep();
        return shown;
    }

    private void open(String path) {
        browser.get(base.toString() + path);
    }

    private void openExpectingErrorStatus(String path) {
        expectedErrorDocuments.add(base.toString() + path);
        open(path);
    }

    /** The whole page (the window grown to its height for the picture), cut below the content. */
    private void screenshot(String name) throws IOException {
        Dimension size = browser.manage().window().getSize();
        Number pageHeight = (Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight;");
        browser.manage().window()
                .setSize(new Dimension(size.getWidth(), Math.min(4000, Math.max(size.getHeight(), pageHeight.intValue() + 140))));
        BufferedImage shot = ImageIO.read(new ByteArrayInputStream(((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES)));
        Number contentHeight = (Number) ((JavascriptExecutor) browser)
                .executeScript("return Math.ceil(document.body.scrollHeight * window.devicePixelRatio);");
        int height = Math.min(shot.getHeight(), Math.max(1, contentHeight.intValue()));
        ImageIO.write(shot.getSubimage(0, 0, shot.getWidth(), height), "png", SCREENSHOTS.resolve(name + ".png").toFile());
        browser.manage().window().setSize(size);
    }

}
