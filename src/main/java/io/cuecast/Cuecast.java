package io.cuecast;

import io.cuecast.camera.lens.CalibrateLensCommand;
import io.cuecast.config.ConfigException;
import io.cuecast.ops.deadletter.DeadLetterCli;
import io.cuecast.vision.detect.DetectCommand;
import io.cuecast.vision.eval.VisionBench;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.camel.main.Main;

/** Starts Cuecast: camel-main with the routes in {@code routes/} and the config in {@code config/}. */
public final class Cuecast {

    private Cuecast() {
    }

    /** A command run instead of the server; it returns the exit status. */
    @FunctionalInterface
    private interface Subcommand {
        int run(String[] args, PrintStream out, PrintStream err) throws IOException;
    }

    private static final Map<String, Subcommand> SUBCOMMANDS = Map.of(
            "dead-letters", (args, out, err) -> DeadLetterCli.run(List.of(args), out, err),
            "calibrate-lens", CalibrateLensCommand::run,
            "detect", DetectCommand::run,
            "bench-vision", (args, out, err) -> benchVision(args));

    public static void main(String[] args) throws Exception {
        Subcommand subcommand = args.length > 0 ? SUBCOMMANDS.get(args[0]) : null;
        if (subcommand != null) {
            System.exit(subcommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
            return;
        }
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
        try {
            System.exit(newMain(options).run(new String[0]));
        } catch (Exception e) {
            ConfigException bad = configProblem(e);
            if (bad == null) {
                throw e;
            }
            System.err.println("cuecast: " + bad.getMessage());
            System.exit(2);
        }
    }

    /** The {@code bench-vision} command: detection figures on the real footage; the exit status. */
    static int benchVision(String... args) throws IOException {
        VisionBench bench;
        try {
            bench = VisionBench.fromArgs(args);
        } catch (IllegalArgumentException e) {
            System.err.println("cuecast bench-vision: " + e.getMessage());
            System.err.println(VisionBench.USAGE);
            return 2;
        }
        bench.run(System.out);
        return 0;
    }

    /** The configuration error behind a start-up failure, or null when it was something else. */
    private static ConfigException configProblem(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConfigException config) {
                return config;
            }
        }
        return null;
    }

    /** A camel-main set up from the options, not yet started; tests start it the same way. */
    public static Main newMain(LaunchOptions options) {
        Main main = new Main(Cuecast.class);
        main.setPropertyPlaceholderLocations("file:" + options.propertiesFile().toAbsolutePath());
        options.overrides().forEach(main::addOverrideProperty);
        return main;
    }
}
