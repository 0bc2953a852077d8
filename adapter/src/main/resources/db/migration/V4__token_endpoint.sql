-- Values a client may use only once: the jti of every client assertion the token endpoint accepted (SMART Backend
-- Services), kept until the assertion expires, so that a replayed assertion is refused by every node sharing the
-- database. Rows past expires_at (epoch millis) are deleted by the next use.
CREATE TABLE used_once (
    use_key    VARCHAR(600) PRIMARY KEY,
    expires_at BIGINT       NOT NULL
);
CREATE INDEX used_once_expires ON used_once (expires_at);

-- Keys every node sharing the database uses: the signing key of the own token endpoint (a private JWK), made by the
-- first node that needs it, so that a token issued by one node is accepted by all.
CREATE TABLE server_key (
    key_name VARCHAR(100) PRIMARY KEY,
    jwk      VARCHAR      NOT NULL
);
