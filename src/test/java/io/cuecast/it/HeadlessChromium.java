package io.cuecast.it;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium, headless, driven through its chromedriver: both named by path so that Selenium
 * Manager never downloads a browser. Tests that need it skip, saying why, where it is missing; in
 * CI, whose .ci/run installs it, they fail instead.
 */
public final class HeadlessChromium implements AutoCloseable {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private final ChromeDriver driver;

    private HeadlessChromium(ChromeDriver driver) {
        this.driver = driver;
    }

    public static void require() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String missing = CHROMIUM + " and " + CHROMEDRIVER + " are not installed, so the web pages are not tested"
                + " in a browser here (install them: apt-get install chromium chromium-driver)";
        if (!installed && System.getenv("CI") != null) {
            fail(missing + "; .ci/run installs them, so in CI this is a broken setup");
        }
        assumeTrue(installed, missing);
    }

    /** A fresh browser with its own profile folder, sized like a laptop screen. */
    public static HeadlessChromium start(Path profile, int width, int height) {
        require();
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Without the networking switches, Chromium on a closed network hangs on its own look-ups.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        return new HeadlessChromium(new ChromeDriver(service, options));
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Runs a script in the page and answers what it returns (numbers as Long or Double, objects as Maps). */
    public Object script(String javascript, Object... arguments) {
        return driver.executeScript(javascript, arguments);
    }

    public Path screenshot(String name) throws Exception {
        Path folder = Files.createDirectories(Path.of("target", "screenshots"));
        driver.executeScript("window.scrollTo(0, 0)"); // a test that typed into a field may have scrolled it
        return Files.write(folder.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
