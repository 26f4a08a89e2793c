package com.insurepay.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.common.policy.Policy;
import com.insurepay.common.policy.PolicyLinkSigner;
import com.insurepay.testsupport.DynamoDbSandboxTestResource;
import com.insurepay.testsupport.HeadlessChromium;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages in a real browser (Debian's headless Chromium): the processing page becomes the receipt without a
 * reload, the strict CSP is not violated (a violation is a SEVERE console entry), and a screenshot of every page
 * state lands in target/screenshots/ for people to look at.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbSandboxTestResource.class)
class PagesBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static WebDriver browser;

    /** Documents opened on purpose with a 4xx status: Chromium reports their status as a console error. */
    private final List<String> expectedErrorDocuments = new java.util.ArrayList<>();

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestPayments seed;

    @Inject
    PolicyLinkSigner signer;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = HeadlessChromium.start("900,1000");
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** CSP violations, failed loads and script errors all show as SEVERE in the browser's console. */
    @AfterEach
    void noConsoleErrors() {
        if (browser == null) {
            return;
        }
        List<String> errors = HeadlessChromium.consoleErrors(browser, expectedErrorDocuments);
        assertTrue(errors.isEmpty(), "browser console errors: " + String.join("\n", errors));
    }

    @Test
    void processingPageTurnsIntoTheReceiptWithoutReloadWhenThePaymentCompletes() throws Exception {
        Payment pending = seed.pendingCheckout();
        open("success?session_id=" + pending.stripeSessionId());
        assertEquals("Confirming your payment", visible("pending-state").findElement(By.tagName("h1")).getText());
        assertFalse(browser.findElement(By.id("completed-state")).isDisplayed());
        assertFalse(browser.findElement(By.id("row-paid-on")).isDisplayed());
        // A marker that only survives if the page is never reloaded.
        ((JavascriptExecutor) browser).executeScript("window.__sameDocument = 'yes';");
        screenshot("processing");

        seed.move(pending, PaymentStatus.COMPLETED); // what webhook-service does when Stripe's event lands

        WebElement done = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("completed-state")));
        assertEquals("Payment received", done.findElement(By.tagName("h1")).getText());
        assertEquals("yes", ((JavascriptExecutor) browser).executeScript("return window.__sameDocument;"),
                "the page was reloaded instead of updated in place");
        assertFalse(browser.findElement(By.id("pending-state")).isDisplayed());
        assertTrue(visible("next-steps").getText().contains("What happens next"));
        assertEquals("Paid", browser.findElement(By.id("summary-status")).getText());
        assertTrue(visible("row-paid-on").getText().contains("UTC"));
        assertEquals("SGD 150.00", browser.findElement(By.id("summary-amount")).getText());
        assertEquals("a***@example.com", browser.findElement(By.id("summary-email")).getText());
        assertEquals(pending.paymentId(), browser.findElement(By.id("summary-reference")).getText());
        assertEquals("completed-state", browser.switchTo().activeElement().getAttribute("id"), "focus moves to the news");
        assertTrue(browser.getTitle().startsWith("Payment received"), browser.getTitle());
        screenshot("processing-became-receipt");
    }

    @Test
    void notFoundPageOfALinkCheckoutOpensTheReceiptOnceTheLateWebhookLands() throws Exception {
        Payment link = seed.unrecordedLinkPayment();
        String sessionId = "cs_test_" + java.util.UUID.randomUUID().toString().replace("-", "");
        openExpectingErrorStatus("success?session_id=" + sessionId);
        expectedErrorDocuments.add(base.toString() + "api/sessions/" + sessionId + "/status");
        assertTrue(visible("recheck").isDisplayed());

        seed.recordLinkSessionPaid(link, sessionId);

        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Payment received"));
        assertEquals(link.paymentId(), browser.findElement(By.id("summary-reference")).getText());
    }

    @Test
    void processingPageSaysPlainlyWhenConfirmationTakesLonger() throws Exception {
        Payment pending = seed.pendingCheckout();
        open("success?session_id=" + pending.stripeSessionId());
        WebElement slow = new WebDriverWait(browser, Duration.ofSeconds(15)) // pages.processing-wait is 4s in %test
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("slow-notice")));
        assertTrue(slow.getText().contains("taking longer than usual"), slow.getText());
        assertTrue(slow.getText().contains(pending.paymentId()), "the reference stays visible");
        assertTrue(visible("pending-state").isDisplayed());
        screenshot("processing-slow");
    }

    @Test
    void processingPageReloadsIntoTheOutcomeWhenTheCheckoutExpires() throws Exception {
        Payment pending = seed.pendingCheckout();
        open("success?session_id=" + pending.stripeSessionId());
        visible("pending-state");
        seed.move(pending, PaymentStatus.EXPIRED);
        WebElement heading = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "has expired"))
                        ? browser.findElement(By.tagName("h1")) : null;
        assertEquals("This checkout has expired", heading.getText());
    }

    @Test
    void aDeclinedThenRetriedPaymentKeepsConfirmingAndBecomesTheReceipt() throws Exception {
        Payment declined = seed.move(seed.pendingCheckout(), PaymentStatus.FAILED);
        open("success?session_id=" + declined.stripeSessionId());
        visible("pending-state");
        // The positive signal: the page has asked for the status (and been told "failed") at least twice.
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> ((Number) ((JavascriptExecutor) b).executeScript(
                "return performance.getEntriesByType('resource').filter(function (e) { return e.name.indexOf('/status') >= 0; }).length;"))
                .intValue() >= 2);
        assertTrue(visible("pending-state").isDisplayed(), "a declined earlier attempt keeps the page waiting");
        seed.move(declined, PaymentStatus.COMPLETED);
        WebElement done = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("completed-state")));
        assertEquals("Payment received", done.findElement(By.tagName("h1")).getText());
    }

    @Test
    void everyPageStateRendersWithoutConsoleErrors() throws Exception {
        Payment paid = seed.pendingCheckout("Travel Insurance Plus – Asia, 14 days", 15_000, "SGD", "alice@example.com");
        paid = seed.move(paid, PaymentStatus.COMPLETED);
        Policy policy = seed.issuePolicy(paid);
        open("success?session_id=" + paid.stripeSessionId());
        assertEquals("Payment received", browser.findElement(By.tagName("h1")).getText());
        assertTrue(visible("row-policy").getText().contains(policy.policyNumber()));
        screenshot("receipt");

        for (PaymentStatus status : new PaymentStatus[] {PaymentStatus.EXPIRED, PaymentStatus.CANCELLED,
                PaymentStatus.REFUNDED, PaymentStatus.PARTIALLY_REFUNDED, PaymentStatus.DISPUTED}) {
            Payment p = seed.inState(status);
            open("success?session_id=" + p.stripeSessionId());
            assertTrue(browser.findElement(By.id("summary-reference")).getText().startsWith("pay_"));
            screenshot("outcome-" + status.wireName().replace('_', '-'));
        }

        open("cancel?session_id=" + seed.pendingCheckout().stripeSessionId());
        assertEquals("You left the checkout", browser.findElement(By.tagName("h1")).getText());
        screenshot("cancel");

        openExpectingErrorStatus("success?session_id=cs_test_no_such_session");
        assertEquals("We could not find this page", browser.findElement(By.tagName("h1")).getText());
        screenshot("not-found");

        openExpectingErrorStatus(
                "policies/" + policy.policyId() + ".pdf?token=" + signer.sign(policy.policyId(), Instant.now().minusSeconds(60)));
        assertEquals("This link has expired", browser.findElement(By.tagName("h1")).getText());
        screenshot("policy-link-expired");
    }

    @Test
    void narrowScreenKeepsTheReceiptReadable() throws Exception {
        Payment paid = seed.move(seed.pendingCheckout(), PaymentStatus.COMPLETED);
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            open("success?session_id=" + paid.stripeSessionId());
            Number scrollWidth = (Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth;");
            Number clientWidth = (Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.clientWidth;");
            assertTrue(scrollWidth.intValue() <= clientWidth.intValue(), "no horizontal scrolling on a phone");
            screenshot("receipt-mobile");
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(900, 1000));
        }
    }

    private void open(String path) {
        browser.get(base.toString() + path);
    }

    private void openExpectingErrorStatus(String path) {
        expectedErrorDocuments.add(base.toString() + path);
        open(path);
    }

    private WebElement visible(String id) {
        return new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    /** The viewport, cut below the page's content so the pictures stay small. */
    private void screenshot(String name) throws IOException {
        BufferedImage shot = ImageIO.read(new ByteArrayInputStream(((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES)));
        Number contentHeight = (Number) ((JavascriptExecutor) browser).executeScript(
                "return Math.ceil(document.body.scrollHeight * window.devicePixelRatio);");
        int height = Math.min(shot.getHeight(), Math.max(1, contentHeight.intValue()));
        ImageIO.write(shot.getSubimage(0, 0, shot.getWidth(), height), "png", SCREENSHOTS.resolve(name + ".png").toFile());
    }
}
