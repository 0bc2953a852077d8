package se.vardbrygga.adapter.store;

/**
 * The durable store. All work happens inside one database transaction: either all of it is committed
 * or none of it (a transaction Bundle, a resource with its index rows, later its outbox rows).
 */
public interface ResourceStore {

    <T> T inTransaction(StoreWork<T> work);

    /** True when the database answers (the health check). */
    boolean isReachable();

    @FunctionalInterface
    interface StoreWork<T> {
        T run(StoreSession session);
    }
}
