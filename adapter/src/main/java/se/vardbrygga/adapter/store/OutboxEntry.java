package se.vardbrygga.adapter.store;

/**
 * One row of the outbox: a resource version on its way to one unit through one channel. {@code messageId} is the
 * idempotency key the receiver sees, the same on every attempt, so a redelivery after a crash is recognised.
 */
public record OutboxEntry(long id, String messageId, String resourceType, String resourceId, int resourceVersion,
                          String channel, String unit, String endpoint, String rules, Status status, int attempts,
                          long nextAttempt, long created, Long delivered, String lastError) {

    /** pending: to deliver; delivered; dead: gave up after the configured attempts; unroutable: no channel. */
    public enum Status { PENDING, DELIVERED, DEAD, UNROUTABLE }

    public static OutboxEntry queued(String messageId, String type, String id, int version, String channel, String unit,
                                     String endpoint, String rules, long now) {
        return new OutboxEntry(0, messageId, type, id, version, channel, unit, endpoint, rules, Status.PENDING, 0, now, now, null, null);
    }

    public static OutboxEntry unroutable(String messageId, String type, String id, int version, String rules, String why, long now) {
        return new OutboxEntry(0, messageId, type, id, version, null, null, null, rules, Status.UNROUTABLE, 0, now, now, null, why);
    }
}
