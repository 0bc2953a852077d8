-- The outage routine (R-OUT-1): when a delivery went out by encrypted e-mail and a phone call, the row
-- is 'FALLBACK_SENT' with the time in fallback_sent, and is still delivered through its channel when the
-- system is back (reconciled: marked as already handled, so the receiver does not act on it twice).
ALTER TABLE outbox ADD COLUMN fallback_sent BIGINT;
