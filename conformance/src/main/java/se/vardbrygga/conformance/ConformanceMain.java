package se.vardbrygga.conformance;

import java.util.Arrays;
import se.vardbrygga.conformance.load.LoadRunner;

/**
 * {@code java -jar vardbrygga-conformance.jar [run] --base-url URL --out DIR …} runs the suite;
 * {@code java -jar vardbrygga-conformance.jar load --base-url URL …} runs the load mode.
 */
public final class ConformanceMain {
    private ConformanceMain() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("load")) {
            System.exit(new LoadRunner(System.out, System.err).run(Arrays.copyOfRange(args, 1, args.length)));
        }
        String[] rest = args.length > 0 && args[0].equals("run") ? Arrays.copyOfRange(args, 1, args.length) : args;
        System.exit(new RunCommand(System.out, System.err).run(rest));
    }
}
