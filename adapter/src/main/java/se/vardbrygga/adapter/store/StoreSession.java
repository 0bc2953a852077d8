package se.vardbrygga.adapter.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import se.vardbrygga.adapter.search.IndexEntry;
import se.vardbrygga.adapter.search.SearchQuery;

/** What can be done inside one store transaction. */
public interface StoreSession {

    Optional<StoredResource> read(String type, String id);

    Optional<StoredResource> readVersion(String type, String id, int version);

    /** Every version, newest first. */
    List<StoredResource> history(String type, String id);

    /** Locks the resource's current row until the transaction ends and returns its version. */
    Optional<Integer> lockCurrentVersion(String type, String id);

    /** Writes version 1 of a new resource with its search index. */
    void insert(StoredResource resource, Collection<IndexEntry> index);

    /** Writes a new current version (caller holds the lock) and replaces its search index. */
    void update(StoredResource resource, Collection<IndexEntry> index);

    List<StoredResource> search(String type, SearchQuery query);

    int count(String type, SearchQuery query);

    /** Serialises conditional writes with the same criteria until the transaction ends. */
    void lockCriteria(String key);

    /**
     * Records that {@code key} is used, until {@code expiresAt} (epoch millis); false when it was used before and has
     * not expired at {@code now}, on this node or another sharing the database. Forgets expired keys.
     */
    boolean useOnce(String key, long expiresAt, long now);

    /**
     * The server key named {@code name} that every node sharing the database uses: the one stored, or else
     * {@code made} (stored now; the first node to store one wins).
     */
    String serverKey(String name, java.util.function.Supplier<String> made);

    /** Adds an outbox row, committed with the resource it routes. */
    void enqueue(OutboxEntry entry);

    /**
     * Claims up to {@code limit} pending rows due at {@code now}, locked until the transaction ends; rows another
     * transaction holds are skipped (FOR UPDATE SKIP LOCKED), so concurrent workers never get the same row.
     */
    List<OutboxEntry> claimDue(long now, int limit);

    /** Writes the outcome of an attempt on a claimed row. */
    void recordAttempt(long id, OutboxEntry.Status status, int attempts, long nextAttempt, Long delivered, String error);

    /** Outbox rows, newest first; {@code status} null for all, {@code resource} (Type/id) null for every resource. */
    List<OutboxEntry> outbox(OutboxEntry.Status status, String resource, int limit);

    /**
     * Marks a row handled by the outage routine (R-OUT-1): still delivered later, as already handled; with
     * {@code mailPending} when only the phone call went and the encrypted e-mail is still to go.
     */
    void recordFallback(long id, int attempts, long nextAttempt, long sentAt, String detail, boolean mailPending);

    /** The outage routine's e-mail of a row handled by phone alone has now gone (R-OUT-1). */
    void recordOutageMailSent(long id);

    /** Puts a dead row back to pending, attempts from zero; false when the row is not dead. */
    boolean replay(long id, long now);

    /** The number of rows per status. */
    java.util.Map<OutboxEntry.Status, Integer> outboxCounts();
}
