package se.vardbrygga.adapter.store;

/**
 * One row of the outbox: a resource version on its way to one unit through one channel. {@code messageId} is the
 * idempotency key the receiver sees, the same on every attempt, so a redelivery after a crash is recognised.
 * {@code mailPending}: the outage routine made its phone call but the encrypted e-mail is still to go (R-OUT-1).
 */
public record OutboxEntry(long id, String messageId, String resourceType, String resourceId, int resourceVersion,
                          String channel, String unit, String endpoint, String rules, Status status, int attempts,
                          long nextAttempt, long created, Long delivered, String lastError, Long fallbackSent,
                          boolean mailPending) {

    /**
     * pending: to deliver; fallback-sent: handled by the outage routine (R-OUT-1), still to be delivered through its
     * channel as already handled (reconciliation); delivered (after a fallback: reconciled); dead: gave up after the
     * configured attempts, or refused; unroutable: no channel.
     */
    public enum Status {
        PENDING, FALLBACK_SENT, DELIVERED, DEAD, UNROUTABLE;

        /** The status as users see it: {@code pending}, {@code fallback-sent}, … */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        /** The status of a {@link #code()}; IllegalArgumentException for another word. */
        public static Status ofCode(String code) {
            return valueOf(code.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        }
    }

    /** Whether the outage routine already handled this message (the receiver must not act on it again). */
    public boolean handledByOutageRoutine() {
        return fallbackSent != null;
    }

    public static OutboxEntry queued(String messageId, String type, String id, int version, String channel, String unit,
                                     String endpoint, String rules, long now) {
        return new OutboxEntry(0, messageId, type, id, version, channel, unit, endpoint, rules, Status.PENDING, 0, now, now, null, null, null, false);
    }

    public static OutboxEntry unroutable(String messageId, String type, String id, int version, String rules, String why, long now) {
        return new OutboxEntry(0, messageId, type, id, version, null, null, null, rules, Status.UNROUTABLE, 0, now, now, null, why, null, false);
    }
}
