package se.vardbrygga.adapter.store;

/** The database failed (not the client): reported as a 5xx, never with SQL or data to the client. */
public class StoreFailure extends RuntimeException {
    public StoreFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
