package io.cuecast.it;

import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;

/**
 * For browser test classes: one Cuecast and one headless Chromium, started by the subclass's
 * {@code @BeforeAll} through {@link #startCuecastAndChromium} and closed after all its tests.
 */
abstract class AgainstCuecastInChromium {
    protected static RunningCuecast app;
    protected static HeadlessChromium browser;
    protected static JsonHttp http;

    /** Skips the class (locally) or fails it (in CI) without Chromium, as {@link HeadlessChromium#require} says. */
    static void startCuecastAndChromium(int width, int height, String... cuecastArgs) throws Exception {
        HeadlessChromium.require();
        app = RunningCuecast.start(cuecastArgs);
        http = new JsonHttp(app);
        browser = HeadlessChromium.start(Files.createTempDirectory("cuecast-chromium"), width, height);
    }

    @AfterAll
    static void closeChromiumAndCuecast() throws Exception {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (app != null) {
            app.close();
            app = null;
        }
    }
}
