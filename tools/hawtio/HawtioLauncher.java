/** Hawtio 3.0.0's own main() ignores its arguments; its run(String...) reads them. */
public class HawtioLauncher {
    public static void main(String[] args) {
        io.hawt.embedded.Main.run(args);
    }
}
