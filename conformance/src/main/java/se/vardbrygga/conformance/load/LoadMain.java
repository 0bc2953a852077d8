package se.vardbrygga.conformance.load;

/**
 * Command-line entry point of the load runner: {@code java -jar vardbrygga-conformance.jar --base-url ...}.
 *
 * <p>All logic lives in {@link LoadRunner} so that a wider conformance CLI can dispatch {@code load} to it.
 */
public final class LoadMain {

    private LoadMain() {
    }

    public static void main(String[] args) {
        System.exit(new LoadRunner(System.out, System.err).run(args));
    }
}
