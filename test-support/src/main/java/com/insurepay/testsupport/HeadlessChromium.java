package com.insurepay.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium driven through its ChromeDriver, the one way every browser test starts a browser.
 * Tests are skipped (not failed) where the packages are missing; CI installs them. The flags keep Chromium off the
 * network (this machine has none besides the package registries) and give each browser a fresh profile. The
 * browser console is recorded, so tests can assert that a page logged no errors (CSP violations show there).
 */
public final class HeadlessChromium {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    /** @param windowSize e.g. "1200,900" */
    public static ChromeDriver start(String windowSize) {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "headless Chromium not installed (apt-get install chromium chromium-driver): browser tests skipped");
        Path profile;
        try {
            profile = Files.createTempDirectory("chromium-profile");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=" + windowSize, "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriver driver = new ChromeDriver(
                new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /**
     * The browser console's errors since the last call (CSP violations, failed loads and script errors all show as
     * SEVERE), except the failed load of a document the test meant to answer 4xx (its URL in
     * {@code expectedErrorDocuments}).
     */
    public static List<String> consoleErrors(WebDriver browser, Collection<String> expectedErrorDocuments) {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(e -> expectedErrorDocuments.stream().noneMatch(
                        url -> e.getMessage().startsWith(url + " - Failed to load resource: the server responded with a status of 4")))
                .map(LogEntry::getMessage)
                .toList();
    }
}
