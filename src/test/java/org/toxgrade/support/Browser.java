package org.toxgrade.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Chromium driven by Selenium: Debian's {@code chromium} and {@code chromium-driver} packages
 * ({@code apt-get install -y chromium chromium-driver}; {@code .ci/run} installs them). Without them the
 * browser tests fail, saying how to install them: the page is part of the product and is not skipped.
 */
public final class Browser {

    public static final Path CHROMIUM = Path.of(System.getProperty("toxgrade.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path
            .of(System.getProperty("toxgrade.chromedriver", "/usr/bin/chromedriver"));

    private Browser() {
    }

    /** A fresh browser with its own profile, logging the console (CSP violations land there). */
    public static ChromeDriver start() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new AssertionError("""

                    ******************************************************************************
                    The browser tests need headless Chromium and its driver, not found at
                    %s and %s.
                    Install them (Debian/Ubuntu, as root):  apt-get install -y chromium chromium-driver
                    or point -Dtoxgrade.chromium=... -Dtoxgrade.chromedriver=... at them.
                    ******************************************************************************
                    """.formatted(CHROMIUM, CHROMEDRIVER));
        }
        try {
            Path profile = Files.createTempDirectory(Path.of("target"), "chromium-profile-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            // A closed network: no background traffic, no QUIC, no component updates.
            options.addArguments(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-dev-shm-usage", "--window-size=1400,1000",
                    "--user-data-dir=" + profile.toAbsolutePath()));
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            return driver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
