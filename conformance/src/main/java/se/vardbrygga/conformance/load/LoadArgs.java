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
    private static final String RATE = "rate";
    private static final String CLIENT_ID = "client-id";
    private static final String CLIENT_SECRET = "client-secret";
    private static final String SCOPE = "scope";
    private static final String TOKEN_URL = "token-url";
    private static final String ORIGIN = "origin";
    private static final String VAR = "var";
    private static final List<String> OPTIONS = List.of(BASE_URL, THREADS, DURATION, WARMUP, SCENARIO, RATE, TOKEN, CLIENT_ID,
            CLIENT_SECRET, SCOPE, TOKEN_URL, ORIGIN, JSON);
    static final int MAX_RATE = 100_000;

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
                "  --scenario NAME     one of " + Scenarios.names() + " (default " + HandoverScenario.NAME + ")",
                "  --rate N            a steady N iterations per second over all threads (default: as fast as the threads go)",
                "  --token T           the sending unit's token, sent as Authorization: Bearer T",
                "  --client-id ID --client-secret S [--scope S] [--token-url URL]",
                "                      the sending unit by client credentials (token endpoint from .well-known/smart-configuration)",
                "  --origin 2=TOKEN|ID:SECRET",
                "                      the receiving unit, which searches and reads its Tasks (default: the sender)",
                "  --var NAME=VALUE    personnummer, requesterHsaId (the sender's unit), ownerHsaId (the receiving home-care",
                "                      unit), physicianHsaId (the ordering physician); repeatable; the defaults are the demo's",
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
        Map<String, String> vars = new LinkedHashMap<>();
        Map<String, String> values = collect(args, vars);
        String baseUrl = baseUrl(Optional.ofNullable(values.get(BASE_URL))
                .orElseThrow(() -> new UsageException("--" + BASE_URL + " is required")));
        int threads = intOption(values, THREADS, DEFAULT_THREADS, 1, MAX_THREADS);
        int duration = intOption(values, DURATION, DEFAULT_DURATION_SECONDS, 1, MAX_DURATION_SECONDS);
        int warmup = intOption(values, WARMUP, DEFAULT_WARMUP_SECONDS, 0, MAX_WARMUP_SECONDS);
        String scenario = values.getOrDefault(SCENARIO, HandoverScenario.NAME);
        if (!Scenarios.names().contains(scenario)) {
            throw new UsageException("unknown scenario '" + scenario + "', expected one of " + Scenarios.names());
        }
        int rate = intOption(values, RATE, 0, 1, MAX_RATE);
        Optional<Path> json = Optional.ofNullable(values.get(JSON)).map(LoadArgs::jsonFile);
        return new LoadConfig(baseUrl, threads, Duration.ofSeconds(duration), Duration.ofSeconds(warmup),
                scenario, rate, auth(values), LoadSubjects.withVars(vars), json);
    }

    private static LoadAuth auth(Map<String, String> values) {
        String token = values.get(TOKEN);
        if (token != null && (token.isBlank() || token.chars().anyMatch(c -> c < 0x21 || c > 0x7e))) {
            throw new UsageException("--" + TOKEN + " must be non-empty printable ASCII without spaces");
        }
        if (token != null && values.containsKey(CLIENT_ID)) {
            throw new UsageException("give --" + TOKEN + " or --" + CLIENT_ID + "/--" + CLIENT_SECRET + ", not both");
        }
        if (values.containsKey(CLIENT_ID) != values.containsKey(CLIENT_SECRET)) {
            throw new UsageException("--" + CLIENT_ID + " and --" + CLIENT_SECRET + " go together");
        }
        String origin = values.get(ORIGIN);
        if (origin != null && (!origin.startsWith("2=") || origin.length() == 2)) {
            throw new UsageException("--" + ORIGIN + " takes 2=TOKEN or 2=CLIENT_ID:SECRET (origin 2, the receiving unit)");
        }
        return new LoadAuth(token, values.get(CLIENT_ID), values.get(CLIENT_SECRET), values.get(SCOPE), values.get(TOKEN_URL),
                origin == null ? null : origin.substring(2));
    }

    private static Map<String, String> collect(String[] args, Map<String, String> vars) {
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
            if (name.equals(VAR)) {
                if (!value.matches("[A-Za-z0-9_-]+=.*")) {
                    throw new UsageException("--" + VAR + " takes NAME=VALUE, got " + value);
                }
                vars.put(value.substring(0, value.indexOf('=')), value.substring(value.indexOf('=') + 1));
                continue;
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
