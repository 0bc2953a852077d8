package se.vardbrygga.adapter.server;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Drops HAPI's ERROR line (with stack trace) for a 4xx that one of our interceptors throws on purpose — a 401 without a
 * token, a 403 for a scope or a unit, a 404 for what the caller may not see. HAPI's interceptor service logs every
 * exception a hook throws before the server answers with it; for a refusal that is noise at ERROR level, and its message
 * can quote the request. A 5xx, or any other exception, is logged as before. Registered in {@code logback.xml}.
 */
public final class ClientErrorLogFilter extends TurboFilter {
    static final String INTERCEPTOR_SERVICE = "ca.uhn.fhir.interceptor.executor.BaseInterceptorService";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (logger == null || !logger.getName().equals(INTERCEPTOR_SERVICE)) {
            return FilterReply.NEUTRAL;
        }
        Throwable thrown = t != null ? t : lastThrowable(params);
        return thrown instanceof BaseServerResponseException refusal && refusal.getStatusCode() < 500 ? FilterReply.DENY : FilterReply.NEUTRAL;
    }

    /** SLF4J passes an exception given after the format's arguments as the last parameter. */
    private static Throwable lastThrowable(Object[] params) {
        return params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last : null;
    }
}
