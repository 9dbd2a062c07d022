package io.cuecast;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The command line: {@code [run] [--port N] [--config DIR] [--some.config.key=value ...]}.
 *
 * <p>Any {@code --key=value} overrides that key of {@code application.properties}, so that every
 * setting can be changed from the command line as well as from the environment.
 */
public record LaunchOptions(boolean help, Path configDir, Map<String, String> overrides) {

    public static final String USAGE = """
            usage: java -jar cuecast.jar [run] [--port N] [--config DIR] [--KEY=VALUE ...]
               or: java -jar cuecast.jar dead-letters list|show|replay|purge ...   (see dead-letters --help)
               or: java -jar cuecast.jar bench-vision [DATA_DIR] [--annotate DIR] [--repeats N]
              run             start the server (the default)
              --port N        HTTP and WebSocket port (default 8080)
              --config DIR    folder holding application.properties (default ./config)
              --KEY=VALUE     override any configuration key, e.g. --cuecast.camera.fps=15
              --help          print this help""";

    public static LaunchOptions parse(String... args) {
        boolean help = false;
        Path configDir = Path.of("config");
        Map<String, String> overrides = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "run" -> {
                    if (i != 0) {
                        throw new IllegalArgumentException("'run' must come first");
                    }
                }
                case "--help", "-h" -> help = true;
                case "--port" -> overrides.put("camel.server.port", String.valueOf(port(valueAfter(args, i++))));
                case "--config" -> configDir = Path.of(valueAfter(args, i++));
                default -> putOverride(arg, overrides);
            }
        }
        if (!help && !Files.isDirectory(configDir)) {
            throw new IllegalArgumentException("config folder '" + configDir + "' does not exist");
        }
        return new LaunchOptions(help, configDir, Map.copyOf(overrides));
    }

    public Path propertiesFile() {
        return configDir.resolve("application.properties");
    }

    private static void putOverride(String arg, Map<String, String> overrides) {
        int eq = arg.indexOf('=');
        if (!arg.startsWith("--") || eq < 3) {
            throw new IllegalArgumentException("unknown argument '" + arg + "'");
        }
        String key = arg.substring(2, eq);
        overrides.put(key, arg.substring(eq + 1));
        if (key.equals("camel.server.port")) {
            port(overrides.get(key));
        }
    }

    /** The argument after {@code args[i]}, the value of the option there; IllegalArgumentException when missing. */
    public static String valueAfter(String[] args, int i) {
        if (i + 1 >= args.length) {
            throw new IllegalArgumentException(args[i] + " needs a value");
        }
        return args[i + 1];
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the error below
        }
        throw new IllegalArgumentException("port must be a number from 1 to 65535, not '" + value + "'");
    }
}
