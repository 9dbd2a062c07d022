package io.cuecast;

import org.apache.camel.main.Main;

/** Starts Cuecast: camel-main with the routes in {@code routes/} and the config in {@code config/}. */
public final class Cuecast {

    private Cuecast() {
    }

    public static void main(String[] args) throws Exception {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("cuecast: " + e.getMessage());
            System.err.println(LaunchOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(LaunchOptions.USAGE);
            return;
        }
        System.exit(newMain(options).run(new String[0]));
    }

    /** A camel-main set up from the options, not yet started; tests start it the same way. */
    public static Main newMain(LaunchOptions options) {
        Main main = new Main(Cuecast.class);
        main.setPropertyPlaceholderLocations("file:" + options.propertiesFile().toAbsolutePath());
        options.overrides().forEach(main::addOverrideProperty);
        return main;
    }
}
