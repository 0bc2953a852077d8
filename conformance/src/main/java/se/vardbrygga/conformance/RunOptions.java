package se.vardbrygga.conformance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of a suite run, parsed from the command line; a wrong option is an {@link IllegalArgumentException}
 * whose message the command prints with the usage.
 */
record RunOptions(String baseUrl, Path out, String token, String clientId, String clientSecret, String scope, String tokenUrl,
                  Map<String, String> origins, Map<String, String> vars, boolean strict, List<String> only, int timeoutSeconds) {

    static final String USAGE = String.join("\n",
            "usage: java -jar vardbrygga-conformance.jar [run] --base-url URL [options]",
            "       java -jar vardbrygga-conformance.jar load --base-url URL [load options]  (see load --help)",
            "  --base-url URL             the FHIR base of the server under test (required)",
            "  --out DIR                  where the reports go (default conformance-report): testreports/*.json, junit.xml, report.html",
            "  --token T                  sent as Authorization: Bearer T",
            "  --client-id ID --client-secret S [--scope S] [--token-url URL]",
            "                             client credentials; the token endpoint is read from .well-known/smart-configuration unless given",
            "  --origin N=TOKEN           the token of the scripts' origin N (a second client, e.g. the receiving unit); repeatable",
            "  --origin N=ID:SECRET       the same by client credentials",
            "  --var NAME=VALUE           the value of a scripts' variable that has a default (the units' HSA-ids, the patient's",
            "                             personnummer; the defaults are the demo's); repeatable",
            "  --only NAME                run only this script (its file name without .json); repeatable",
            "  --strict                   a skipped test fails the run",
            "  --timeout SECONDS          per request (default 30)",
            "exit code: 0 passed, 1 a test failed or could not be carried out (or, with --strict, was skipped), 2 wrong usage");

    static RunOptions parse(String[] args) {
        Map<String, String> single = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        Map<String, String> vars = new LinkedHashMap<>();
        List<String> only = new ArrayList<>();
        boolean strict = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--strict" -> strict = true;
                case "--base-url", "--out", "--token", "--client-id", "--client-secret", "--scope", "--token-url", "--timeout" ->
                        single.put(arg.substring(2), value(args, ++i, arg));
                case "--origin" -> {
                    String v = value(args, ++i, arg);
                    if (!v.matches("[0-9]+=.+")) {
                        throw new IllegalArgumentException("--origin takes N=TOKEN or N=CLIENT_ID:SECRET, got " + v.replaceAll("=.*", "=…"));
                    }
                    origins.put(v.substring(0, v.indexOf('=')), v.substring(v.indexOf('=') + 1));
                }
                case "--var" -> {
                    String v = value(args, ++i, arg);
                    if (!v.matches("[A-Za-z0-9_-]+=.*")) {
                        throw new IllegalArgumentException("--var takes NAME=VALUE, got " + v);
                    }
                    vars.put(v.substring(0, v.indexOf('=')), v.substring(v.indexOf('=') + 1));
                }
                case "--only" -> only.add(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        String base = single.get("base-url");
        if (base == null || !(base.startsWith("http://") || base.startsWith("https://"))) {
            throw new IllegalArgumentException("--base-url http(s)://… is required");
        }
        if (single.containsKey("token") && single.containsKey("client-id")) {
            throw new IllegalArgumentException("give --token or --client-id/--client-secret, not both");
        }
        if (single.containsKey("client-id") != single.containsKey("client-secret")) {
            throw new IllegalArgumentException("--client-id and --client-secret go together");
        }
        int timeout;
        try {
            timeout = Integer.parseInt(single.getOrDefault("timeout", "30"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--timeout takes whole seconds");
        }
        if (timeout < 1) {
            throw new IllegalArgumentException("--timeout takes whole seconds, at least 1");
        }
        return new RunOptions(base.replaceAll("/+$", ""), Path.of(single.getOrDefault("out", "conformance-report")), single.get("token"),
                single.get("client-id"), single.get("client-secret"), single.get("scope"), single.get("token-url"), origins, vars, strict, only, timeout);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
