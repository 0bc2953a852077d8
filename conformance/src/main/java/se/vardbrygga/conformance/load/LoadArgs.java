package se.vardbrygga.conformance.load;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Parses and validates the load runner's command line into a {@link LoadConfig}. */
public final class LoadArgs {

    static final int DEFAULT_THREADS = 4;
    static final int DEFAULT_DURATION_SECONDS = 20;
    static final int DEFAULT_WARMUP_SECONDS = 5;
    static final int MAX_THREADS = 1_000;
    static final int MAX_DURATION_SECONDS = 86_400;
    static final int MAX_WARMUP_SECONDS = 3_600;

    private static final String BASE_URL = "base-url";
    private static final String THREADS = "threads";
    private static final String DURATION = "duration";
    private static final String WARMUP = "warmup";
    private static final String SCENARIO = "scenario";
    private static final String TOKEN = "token";
    private static final String JSON = "json";
    private static final List<String> OPTIONS = List.of(BASE_URL, THREADS, DURATION, WARMUP, SCENARIO, TOKEN, JSON);

    private LoadArgs() {
    }

    public static String usage() {
        return String.join(System.lineSeparator(),
                "Usage: load --base-url URL [options]",
                "",
                "  --base-url URL      FHIR base URL, e.g. http://localhost:8080/fhir (required)",
                "  --threads N         worker threads (default " + DEFAULT_THREADS + ", 1.." + MAX_THREADS + ")",
                "  --duration SECONDS  measured phase (default " + DEFAULT_DURATION_SECONDS + ")",
                "  --warmup SECONDS    warm-up phase, not recorded (default " + DEFAULT_WARMUP_SECONDS + ")",
                "  --scenario NAME     one of " + Scenarios.names() + " (default " + CreateReadScenario.NAME + ")",
                "  --token T           sent as Authorization: Bearer T",
                "  --json FILE         also write a JSON summary to FILE",
                "  --help              print this help",
                "",
                "Exit codes: 0 no errors, 1 at least one request failed, 2 bad arguments.");
    }

    /** True if the arguments ask for help instead of a run. */
    public static boolean wantsHelp(String... args) {
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Accepts {@code --name value} and {@code --name=value}.
     *
     * @throws UsageException if the arguments are unknown, duplicated, missing or invalid
     */
    public static LoadConfig parse(String... args) {
        Map<String, String> values = collect(args);
        String baseUrl = baseUrl(Optional.ofNullable(values.get(BASE_URL))
                .orElseThrow(() -> new UsageException("--" + BASE_URL + " is required")));
        int threads = intOption(values, THREADS, DEFAULT_THREADS, 1, MAX_THREADS);
        int duration = intOption(values, DURATION, DEFAULT_DURATION_SECONDS, 1, MAX_DURATION_SECONDS);
        int warmup = intOption(values, WARMUP, DEFAULT_WARMUP_SECONDS, 0, MAX_WARMUP_SECONDS);
        String scenario = values.getOrDefault(SCENARIO, CreateReadScenario.NAME);
        if (!Scenarios.names().contains(scenario)) {
            throw new UsageException("unknown scenario '" + scenario + "', expected one of " + Scenarios.names());
        }
        Optional<String> token = Optional.ofNullable(values.get(TOKEN));
        if (token.isPresent() && (token.get().isBlank() || token.get().chars().anyMatch(c -> c < 0x21 || c > 0x7e))) {
            throw new UsageException("--" + TOKEN + " must be non-empty printable ASCII without spaces");
        }
        Optional<Path> json = Optional.ofNullable(values.get(JSON)).map(LoadArgs::jsonFile);
        return new LoadConfig(baseUrl, threads, Duration.ofSeconds(duration), Duration.ofSeconds(warmup),
                scenario, token, json);
    }

    private static Map<String, String> collect(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            String name;
            String value;
            int equals = arg.indexOf('=');
            if (equals >= 0) {
                name = arg.substring(2, equals);
                value = arg.substring(equals + 1);
            } else {
                name = arg.substring(2);
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new UsageException("missing value for --" + name);
                }
                value = args[++i];
            }
            if (!OPTIONS.contains(name)) {
                throw new UsageException("unknown option --" + name);
            }
            if (values.put(name, value) != null) {
                throw new UsageException("--" + name + " given more than once");
            }
        }
        return values;
    }

    private static String baseUrl(String raw) {
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            throw new UsageException("--" + BASE_URL + " is not a valid URL: " + raw);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new UsageException("--" + BASE_URL + " must be an http or https URL: " + raw);
        }
        if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null) {
            throw new UsageException("--" + BASE_URL + " must have a host and no user info, query or fragment: " + raw);
        }
        String normalized = uri.toString();
        while (normalized.endsWith("/")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        return normalized;
    }

    private static int intOption(Map<String, String> values, String name, int defaultValue, int min, int max) {
        String raw = values.get(name);
        if (raw == null) {
            return defaultValue;
        }
        int value;
        try {
            value = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be an integer, was '" + raw + "'");
        }
        if (value < min || value > max) {
            throw new UsageException("--" + name + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    private static Path jsonFile(String raw) {
        Path path;
        try {
            path = Path.of(raw);
        } catch (InvalidPathException e) {
            throw new UsageException("--" + JSON + " is not a valid path: " + raw);
        }
        Path parent = path.toAbsolutePath().getParent();
        if (raw.isBlank() || Files.isDirectory(path) || parent == null || !Files.isDirectory(parent)) {
            throw new UsageException("--" + JSON + " must name a file in an existing directory: " + raw);
        }
        return path;
    }
}
