package se.vardbrygga.mappings.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each part of a mapped transaction came from in the intake document, so that an error found
 * later (by the profile validator, the Swedish identifier checks or a rule, all of which speak of
 * {@code Bundle.entry[i].Type.path}) is reported under the intake field the sender knows.
 */
public final class FieldTrace {
    /** {@code Bundle.entry[i].resource.path} (FHIRPath) or {@code Bundle.entry[i].Type.path} (the validator's form). */
    private static final Pattern ENTRY = Pattern.compile("^Bundle\\.entry\\[(\\d+)]\\.(resource\\.?)?(.*)$");

    private record PathField(int entry, String fhirPath, String field) {
    }

    private final List<PathField> paths = new ArrayList<>();
    private final Map<String, String> keys = new LinkedHashMap<>();
    private final Map<String, String> units = new LinkedHashMap<>();

    /** Errors at {@code fhirPath} (or below it) of entry {@code entry} concern {@code field}. */
    public FieldTrace path(int entry, String fhirPath, String field) {
        paths.add(new PathField(entry, fhirPath, field));
        return this;
    }

    /** Errors that name this invariant key or rule id, reported on a whole resource, concern {@code field}. */
    public FieldTrace key(String key, String field) {
        keys.put(key, field);
        return this;
    }

    /** A conditional reference ({@code Type?identifier=...}, e.g. a unit by HSA-id) that must match, from {@code field}. */
    public FieldTrace unit(String conditionalReference, String field) {
        units.putIfAbsent(conditionalReference, field);
        return this;
    }

    /** Conditional unit references and the fields they came from. */
    public Map<String, String> units() {
        return Map.copyOf(units);
    }

    /**
     * The intake field of an issue: an invariant key the message names, else a rule id the issue carries,
     * else the longest traced path that the expression falls under.
     */
    public Optional<String> field(String expression, String message, List<String> ruleIds) {
        for (Map.Entry<String, String> k : keys.entrySet()) {
            if (!k.getKey().startsWith("R-") && message != null && message.contains(k.getKey())) {
                return Optional.of(k.getValue());
            }
        }
        for (Map.Entry<String, String> k : keys.entrySet()) {
            if (k.getKey().startsWith("R-") && ruleIds.contains(k.getKey())) {
                return Optional.of(k.getValue());
            }
        }
        PathField best = null;
        Matcher m = expression == null ? null : ENTRY.matcher(expression);
        if (m != null && m.matches()) {
            int entry = Integer.parseInt(m.group(1));
            boolean typeless = m.group(2) != null; // resource.path: the traced Type.path without its type
            String rest = m.group(3);
            for (PathField p : paths) {
                String traced = typeless ? withoutType(p.fhirPath) : p.fhirPath;
                if (p.entry == entry && under(rest, traced)
                        && (best == null || p.fhirPath.length() > best.fhirPath.length())) {
                    best = p;
                }
            }
        }
        return Optional.ofNullable(best).map(PathField::field);
    }

    private static String withoutType(String typePath) {
        int dot = typePath.indexOf('.');
        return dot < 0 ? "" : typePath.substring(dot + 1);
    }

    private static boolean under(String path, String prefix) {
        String p = path.replaceAll("\\[\\d+]", "");
        return prefix.isEmpty() || p.equals(prefix) || p.startsWith(prefix + ".");
    }
}
