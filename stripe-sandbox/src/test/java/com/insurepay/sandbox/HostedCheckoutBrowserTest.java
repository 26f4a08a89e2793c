package com.insurepay.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.model.checkout.Session;
import io.quarkus.test.junit.QuarkusTest;
import com.insurepay.testsupport.HeadlessChromium;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The hosted checkout page in headless Chromium (Debian's chromium + chromium-driver). */
@QuarkusTest
class HostedCheckoutBrowserTest extends SandboxTestSupport {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static WebDriver browser;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = HeadlessChromium.start("1200,900");
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void fillCard(String number) {
        browser.findElement(By.id("cardnumber")).sendKeys(number);
        browser.findElement(By.id("exp-date")).sendKeys("12 / 34");
        browser.findElement(By.id("cvc")).sendKeys("123");
        browser.findElement(By.id("name")).sendKeys("Jane Tan");
    }

    private void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private WebDriverWait waitUpTo10s() {
        return new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    @Test
    void cardPaymentReachesTheSuccessUrl() throws Exception {
        Session session = createSession(12_000, "sgd");
        browser.get(session.getUrl());
        assertEquals("SGD 120.00", browser.findElement(By.id("amount-total")).getText());
        assertTrue(browser.findElement(By.className("product-name")).getText().contains("Travel Insurance Plus"));
        assertEquals("jane@example.com", browser.findElement(By.id("email")).getAttribute("value"));
        fillCard("4242 4242 4242 4242");
        screenshot("checkout-4242-filled");
        browser.findElement(By.id("submit")).click();
        waitUpTo10s().until(ExpectedConditions.urlContains("/q/health/ready"));
        assertTrue(browser.getCurrentUrl().endsWith("session_id=" + session.getId()));
        screenshot("checkout-4242-success-url");
        assertEquals("complete", stripe.v1().checkout().sessions().retrieve(session.getId()).getStatus());

        browser.get(session.getUrl()); // paying again is impossible: the page says it is done
        assertEquals("Payment complete", browser.findElement(By.id("notice-title")).getText());
    }

    @Test
    void declinedCardShowsTheErrorAndKeepsTheSessionOpen() throws Exception {
        Session session = createSession(5_000, "jpy");
        browser.get(session.getUrl());
        assertEquals("JPY 5,000", browser.findElement(By.id("amount-total")).getText());
        fillCard("4000 0000 0000 0002");
        browser.findElement(By.id("submit")).click();
        String error = waitUpTo10s().until(ExpectedConditions.visibilityOfElementLocated(By.id("card-error"))).getText();
        screenshot("checkout-0002-declined");
        assertEquals("Your card was declined.", error);
        assertEquals("open", stripe.v1().checkout().sessions().retrieve(session.getId()).getStatus());
    }

    @Test
    void authenticationStepCanFailThenComplete() throws Exception {
        Session session = createSession(12_000, "sgd");
        browser.get(session.getUrl());
        fillCard("4000 0025 0000 3155");
        browser.findElement(By.id("submit")).click();
        waitUpTo10s().until(ExpectedConditions.visibilityOfElementLocated(By.id("fail-auth")));
        screenshot("checkout-3155-authentication");
        browser.findElement(By.id("fail-auth")).click();
        String error = waitUpTo10s().until(ExpectedConditions.visibilityOfElementLocated(By.id("card-error"))).getText();
        assertTrue(error.startsWith("We are unable to authenticate your payment method."));

        fillCard("4000 0025 0000 3155");
        browser.findElement(By.id("submit")).click();
        waitUpTo10s().until(ExpectedConditions.visibilityOfElementLocated(By.id("complete-auth"))).click();
        waitUpTo10s().until(ExpectedConditions.urlContains("/q/health/ready"));
        screenshot("checkout-3155-success-url");
        assertEquals("paid", stripe.v1().checkout().sessions().retrieve(session.getId()).getPaymentStatus());
    }

    @Test
    void cancelLinkGoesToTheCancelUrl() throws Exception {
        Session session = createSession(12_000, "sgd");
        browser.get(session.getUrl());
        browser.findElement(By.id("cancel-link")).click();
        waitUpTo10s().until(ExpectedConditions.urlContains("/q/health/live"));
        assertTrue(browser.getCurrentUrl().endsWith("session_id=" + session.getId()));
    }
}
