-- The outage routine (R-OUT-1) when the mail server is down too: the phone-call Task is made at once and the row is
-- 'FALLBACK_SENT', but the encrypted SBAR e-mail is still to go; mail_pending keeps it being tried on the row's
-- later attempts (while its own system is still down) until the mail server takes it.
ALTER TABLE outbox ADD COLUMN mail_pending BOOLEAN DEFAULT FALSE NOT NULL;
