package se.vardbrygga.adapter.security;

import java.util.Optional;

/**
 * Who is calling: the client (token subject), its unit's HSA-id, its scopes. {@link #OPEN} is every request when the
 * server runs without authentication (security.open): unrestricted, and said so in the log.
 */
public record Caller(String client, Optional<String> unit, Scopes scopes, boolean unrestricted) {
    /** The servlet request attribute that carries the caller from the authentication filter to the providers. */
    public static final String ATTRIBUTE = Caller.class.getName();

    public static final Caller OPEN = new Caller("anonymous (security.open)", Optional.empty(), Scopes.ALL, true);

    public static Caller of(String client, String unit, Scopes scopes) {
        return new Caller(client, Optional.ofNullable(unit).filter(u -> !u.isBlank()), scopes, false);
    }

    /**
     * The caller the authentication filter put on the request (OPEN on a server without authentication). None means
     * the request did not pass the filter: refused, never treated as open.
     */
    public static Caller of(jakarta.servlet.http.HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof Caller c) {
            return c;
        }
        throw new IllegalStateException("request without a caller: not behind the authentication filter");
    }
}
