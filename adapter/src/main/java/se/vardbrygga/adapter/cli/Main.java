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
        if (args.length == 0 || !List.of("serve", "demo").contains(args[0])) {
            System.err.print(USAGE);
            System.exit(2);
        }
        Path configFile = null;
        Integer port = null;
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        for (int i = 0; i < rest.size(); i++) {
            String option = rest.get(i);
            if (i + 1 >= rest.size()) {
                System.err.print("Missing value for " + option + "\n" + USAGE);
                System.exit(2);
            }
            String value = rest.get(++i);
            switch (option) {
                case "--config" -> configFile = Path.of(value);
                case "--port" -> port = Integer.parseInt(value);
                default -> {
                    System.err.print("Unknown option " + option + "\n" + USAGE);
                    System.exit(2);
                }
            }
        }
        AdapterConfig config = new ConfigLoader(System.getenv()).load(configFile);
        if (port != null) {
            config = config.withPort(port);
        }
        AdapterServer server = args[0].equals("demo") ? Demo.start(config, Demo.DEFAULT_DATA_DIR) : Serve.start(config);
        server.join();
    }
}
