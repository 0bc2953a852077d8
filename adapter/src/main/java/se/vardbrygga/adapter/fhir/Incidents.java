package se.vardbrygga.adapter.fhir;

import java.util.UUID;
import org.slf4j.Logger;

/**
 * Logs an unexpected failure under an incident id the client also gets. Exception messages are not
 * logged: a database or parser message can quote the data (a personnummer, a name), and no personal
 * data may reach a log line. The exception classes and stack frames are enough to find the fault.
 */
public final class Incidents {
    private Incidents() {
    }

    public static String log(Logger log, String what, Throwable failure) {
        String incident = UUID.randomUUID().toString();
        log.error("{} (incident {}): {}", what, incident, describe(failure));
        return incident;
    }

    static String describe(Throwable failure) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            out.append(t == failure ? "" : " <- caused by ").append(t.getClass().getName());
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                out.append(" SQLState ").append(sql.getSQLState()); // a code, never data
            }
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(6, frames.length); i++) {
                out.append("\n    at ").append(frames[i]);
            }
        }
        return out.toString();
    }
}
