package se.vardbrygga.adapter.store;

import java.sql.SQLException;

/**
 * The database failed (not the client): reported as a 5xx, never with SQL or data to the client. The message
 * carries the SQLState (e.g. 40P01 deadlock), which names the kind of failure and no data, for the log.
 */
public class StoreFailure extends RuntimeException {
    public StoreFailure(String message, Throwable cause) {
        super(cause instanceof SQLException sql && sql.getSQLState() != null
                ? message + " (SQLState " + sql.getSQLState() + ")" : message, cause);
    }

    /** A failure worth trying the whole transaction again: deadlock or serialization failure (SQLState class 40). */
    public boolean isTransient() {
        return getCause() instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40");
    }
}
