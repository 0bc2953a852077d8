package se.vardbrygga.conformance.suite;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.TestScript;

/**
 * What the server claims in its CapabilityStatement, and what an operation of a TestScript needs of it: a type
 * interaction (read, create, update, delete, search-type with each search parameter it uses) or a system
 * interaction (transaction, batch) or an operation ({@code validate}, {@code $name}) at its type or the system. A test
 * that needs what is not claimed is not run: it is omitted, saying so.
 */
public final class CapabilityCheck {
    /** Search parameters every server understands (FHIR R4 3.1.1.5, "common parameters" and result controls). */
    private static final Set<String> COMMON = Set.of("_id", "_lastUpdated", "_count", "_sort", "_include", "_revinclude",
            "_summary", "_elements", "_total", "_format", "_pretty", "_tag", "_profile", "_security");

    private final Map<String, Set<String>> interactions = new HashMap<>();
    private final Map<String, Set<String>> searchParams = new HashMap<>();
    private final Set<String> systemInteractions = new HashSet<>();
    private final Set<String> systemOperations = new HashSet<>();
    private final Map<String, Set<String>> operations = new HashMap<>();

    public CapabilityCheck(CapabilityStatement statement) {
        for (CapabilityStatement.CapabilityStatementRestComponent rest : statement.getRest()) {
            if (rest.getMode() != CapabilityStatement.RestfulCapabilityMode.SERVER) {
                continue;
            }
            rest.getInteraction().forEach(i -> systemInteractions.add(i.getCode().toCode()));
            rest.getOperation().forEach(o -> systemOperations.add(o.getName()));
            for (CapabilityStatement.CapabilityStatementRestResourceComponent r : rest.getResource()) {
                Set<String> codes = interactions.computeIfAbsent(r.getType(), k -> new HashSet<>());
                r.getInteraction().forEach(i -> codes.add(i.getCode().toCode()));
                Set<String> params = searchParams.computeIfAbsent(r.getType(), k -> new HashSet<>());
                r.getSearchParam().forEach(p -> params.add(p.getName()));
                Set<String> named = operations.computeIfAbsent(r.getType(), k -> new HashSet<>());
                r.getOperation().forEach(o -> named.add(o.getName()));
            }
        }
    }

    /** What the actions need that the server does not claim, in words; empty when everything is claimed. */
    public List<String> missing(List<TestScript.SetupActionOperationComponent> actions) {
        List<String> missing = new ArrayList<>();
        for (TestScript.SetupActionOperationComponent op : actions) {
            need(op).ifPresent(missing::add);
        }
        return missing.stream().distinct().toList();
    }

    private Optional<String> need(TestScript.SetupActionOperationComponent op) {
        String code = op.hasType() ? op.getType().getCode() : null;
        String type = op.getResource();
        if (code == null) {
            return Optional.empty(); // a plain request by URL: nothing to look up
        }
        switch (code) {
            case "transaction", "batch" -> {
                return systemInteractions.contains(code) ? Optional.empty() : Optional.of("the system interaction " + code);
            }
            case "capabilities" -> {
                return Optional.empty();
            }
            case "search" -> {
                Optional<String> interaction = interaction(type, "search-type");
                if (interaction.isPresent()) {
                    return interaction;
                }
                for (String param : SearchParameters.names(op.getParams())) {
                    if (!COMMON.contains(param) && !searchParams.getOrDefault(type, Set.of()).contains(param)) {
                        return Optional.of(type + " search parameter '" + param + "'");
                    }
                }
                return Optional.empty();
            }
            default -> {
                if (code.equals("validate") || code.startsWith("$")) { // an operation, at its type or at the system
                    String name = code.startsWith("$") ? code.substring(1) : code;
                    boolean claimed = type == null ? systemOperations.contains(name) : operations.getOrDefault(type, Set.of()).contains(name);
                    return claimed ? Optional.empty() : Optional.of((type == null ? "" : type + " ") + "$" + name);
                }
                return interaction(type, code);
            }
        }
    }

    private Optional<String> interaction(String type, String code) {
        if (type == null || interactions.getOrDefault(type, Set.of()).contains(code)) {
            return Optional.empty();
        }
        return Optional.of(type + " " + code);
    }

    /** The names of the search parameters in an operation's {@code params} ({@code ?owner=x&status:not=y}). */
    static final class SearchParameters {
        private SearchParameters() {
        }

        static List<String> names(String params) {
            if (params == null || params.isEmpty()) {
                return List.of();
            }
            List<String> names = new ArrayList<>();
            // "?a=1" or, as OperationStep also accepts for a search, "a=1"
            for (String pair : params.substring(params.indexOf('?') + 1).split("&")) {
                String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                if (!name.isEmpty()) {
                    names.add(name.contains(":") ? name.substring(0, name.indexOf(':')) : name);
                }
            }
            return names;
        }
    }
}
