package se.vardbrygga.adapter.store;

/**
 * The durable store. All work happens inside one database transaction: either all of it is committed
 * or none of it (a transaction Bundle, a resource with its index rows, later its outbox rows).
 */
public interface ResourceStore {

    <T> T inTransaction(StoreWork<T> work);

    /** True when the database answers (the health check). */
    boolean isReachable();

    /** Called after each commit of a transaction that added outbox rows (to deliver them at once, not at the next poll). */
    void onOutboxCommit(Runnable listener);

    @FunctionalInterface
    interface StoreWork<T> {
        T run(StoreSession session);
    }
}
