package com.insurepay.e2e;

import com.insurepay.testsupport.HeadlessChromium;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Debian Chromium through ChromeDriver; screenshots go to target/screenshots for people to look at. */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final WebDriver driver;

    Browser() {
        driver = HeadlessChromium.start("1200,1000");
    }

    void open(String url) {
        driver.get(url);
    }

    /** Fills the hosted checkout form and submits it. */
    void payOnCheckoutPage(String card) {
        driver.findElement(By.id("cardnumber")).sendKeys(card);
        driver.findElement(By.id("exp-date")).sendKeys("12 / 34");
        driver.findElement(By.id("cvc")).sendKeys("123");
        driver.findElement(By.id("submit")).click();
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    void waitForText(String expected, Duration timeout) {
        // Navigations (form posts, redirects) replace the body under us: retry on stale elements.
        new WebDriverWait(driver, timeout).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.tagName("body")).getText().contains(expected));
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SEVERE console entries since the last call (CSP violations, failed loads, script errors). */
    List<String> severeConsoleEntries() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
