package se.vardbrygga.adapter.security;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * SMART system scopes as granted in a token: {@code system/Task.cruds}, {@code system/*.rs} (SMART v2 letters: create,
 * read, update, delete, search) or the v1 forms {@code system/Task.read}, {@code system/*.write}, {@code system/*.*}.
 * Only {@code system/} scopes count: the callers are systems, not users or patients.
 */
public record Scopes(List<Grant> grants) {
    /** What a request needs: one SMART v2 letter. */
    public enum Interaction {
        CREATE('c'), READ('r'), UPDATE('u'), DELETE('d'), SEARCH('s');

        final char letter;

        Interaction(char letter) {
            this.letter = letter;
        }
    }

    /** One granted scope: a resource type (or *) and its letters. */
    record Grant(String type, String letters) {
    }

    private static final String AUDIT = "AuditEvent";

    /** A server run open: everything, the access log too. */
    public static final Scopes ALL = new Scopes(List.of(new Grant("*", "cruds"), new Grant(AUDIT, "rs")));

    /** The scopes of a space-separated {@code scope} claim; others than {@code system/} are ignored. */
    public static Scopes parse(String scope) {
        if (scope == null || scope.isBlank()) {
            return new Scopes(List.of());
        }
        return new Scopes(Arrays.stream(scope.trim().split("\\s+"))
                .filter(s -> s.startsWith("system/") && s.indexOf('.') > "system/".length())
                .map(s -> {
                    String rest = s.substring("system/".length());
                    int dot = rest.lastIndexOf('.');
                    return new Grant(rest.substring(0, dot), letters(rest.substring(dot + 1)));
                })
                .filter(g -> !g.letters().isEmpty())
                .toList());
    }

    private static String letters(String permission) {
        return switch (permission.toLowerCase(Locale.ROOT)) {
            case "*" -> "cruds";
            case "read" -> "rs";
            case "write" -> "cud";
            default -> permission.matches("c?r?u?d?s?") ? permission : "";
        };
    }

    /**
     * Whether the scopes allow an interaction on a type. {@code *} grants every type but AuditEvent: the access log is
     * for auditors, whose token names it ({@code system/AuditEvent.rs}).
     */
    public boolean allow(String resourceType, Interaction interaction) {
        return grants.stream().anyMatch(g -> ((g.type().equals("*") && !AUDIT.equals(resourceType)) || g.type().equals(resourceType))
                && g.letters().indexOf(interaction.letter) >= 0);
    }

    /**
     * Whether {@code registered} grants everything these scopes ask (a client asks its token endpoint for no more than
     * it is registered for); {@code *} covers every type but AuditEvent, as in {@link #allow}.
     */
    public boolean within(Scopes registered) {
        return grants.stream().allMatch(g -> g.letters().chars().allMatch(letter -> registered.grants.stream().anyMatch(r ->
                (r.type().equals(g.type()) || (r.type().equals("*") && !AUDIT.equals(g.type()))) && r.letters().indexOf(letter) >= 0)));
    }

    public boolean isEmpty() {
        return grants.isEmpty();
    }

    /** The scopes as a {@code scope} claim, SMART v2 letters: {@code system/Task.rs system/*.cruds}. */
    public String claim() {
        return String.join(" ", grants.stream().map(g -> "system/" + g.type() + "." + g.letters()).toList());
    }

    /** The scope a refused request would have needed, for the error message. */
    public static String needed(String resourceType, Interaction interaction) {
        return "system/" + resourceType + "." + interaction.letter;
    }
}
