package se.vardbrygga.adapter.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import se.vardbrygga.adapter.config.AdapterConfig;
import se.vardbrygga.adapter.config.ConfigLoader;
import se.vardbrygga.adapter.server.AdapterServer;

/**
 * {@code java -jar vardbrygga.jar serve|demo [--config FILE] [--port N]}.
 * serve: the FHIR server as configured. demo: the same on an embedded H2 file under ./data/,
 * seeded with a small directory and a few example patients.
 */
public final class Main {
    private static final String USAGE = """
            Usage: java -jar vardbrygga.jar <command> [options]
              serve   run the FHIR R4 server as configured
              demo    run it with an embedded database under ./data/demo, seeded with example data
            Options:
              --config FILE   YAML configuration (defaults: vardbrygga-defaults.yaml in the jar)
              --port N        HTTP port (overrides configuration and VARDBRYGGA_SERVER_PORT)
            Environment: VARDBRYGGA_SERVER_PORT, VARDBRYGGA_DATABASE_URL, VARDBRYGGA_DATABASE_USER,
              VARDBRYGGA_DATABASE_PASSWORD, VARDBRYGGA_SERVER_MAX_REQUEST_BYTES, ... (see README)
            """;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        AdapterServer server;
        try {
            server = start(args);
        } catch (IllegalArgumentException e) {
            System.err.println("vardbrygga: " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close(); // stop taking requests, then close the database cleanly
            } catch (Exception e) {
                System.err.println("Shutdown: " + e.getClass().getName());
            }
        }, "shutdown"));
        server.join();
    }

    private static AdapterServer start(String[] args) throws Exception {
        if (args.length == 0 || !List.of("serve", "demo").contains(args[0])) {
            throw new IllegalArgumentException("a command is needed\n" + USAGE);
        }
        Path configFile = null;
        Integer port = null;
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        for (int i = 0; i < rest.size(); i++) {
            String option = rest.get(i);
            if (i + 1 >= rest.size()) {
                throw new IllegalArgumentException("missing value for " + option + "\n" + USAGE);
            }
            String value = rest.get(++i);
            switch (option) {
                case "--config" -> configFile = Path.of(value);
                case "--port" -> port = parsePort(value);
                default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
            }
        }
        AdapterConfig config = new ConfigLoader(System.getenv()).load(configFile);
        if (port != null) {
            config = config.withPort(port);
        }
        return args[0].equals("demo") ? Demo.start(config, Demo.DEFAULT_DATA_DIR) : Serve.start(config);
    }

    private static int parsePort(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port needs a number, got '" + value + "'");
        }
    }
}
