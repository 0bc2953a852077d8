package se.vardbrygga.benchmarks;

import se.vardbrygga.adapter.cli.Demo;
import se.vardbrygga.adapter.server.AdapterServer;

/**
 * The demo's adapter (seeded directory, demo clients, simulators on free ports) on H2 or on a PostgreSQL of its own,
 * for the conformance jar's load mode to measure from outside, in its own process. Prints the FHIR base and runs until
 * killed.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar se.vardbrygga.benchmarks.LoadTarget h2|postgres [port]</pre>
 */
public final class LoadTarget {
    private LoadTarget() {
    }

    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "h2";
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 8080;
        DemoOnDatabase target = DemoOnDatabase.start(db, port, "vb-load-");
        AdapterServer server = Demo.startSeeded(target.config(), 0).server();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
                target.close();
            } catch (Exception e) {
                System.err.println("stopping: " + e);
            }
        }));
        System.out.println("ready: " + server.baseUrl() + " (" + db + ")");
        Thread.currentThread().join();
    }
}
