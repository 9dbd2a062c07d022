package io.cuecast.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** For test classes whose tests share one Cuecast with the default configuration, started once. */
abstract class AgainstOneCuecast {
    protected static RunningCuecast app;

    @BeforeAll
    static void startCuecast() throws Exception {
        app = RunningCuecast.start();
    }

    @AfterAll
    static void stopCuecast() throws Exception {
        app.close();
    }
}
