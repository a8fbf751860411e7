-- Version 2 of the platform schema: the console's sign-in sessions and the failed sign-ins per user
-- name move from each node's memory into the database, so that any node can serve any browser
-- (DESIGN.md "Beyond one machine"). Used through JDBC by platform-core (auth.JdbcSessionBackend,
-- auth.JdbcThrottleBackend). Times are epoch milliseconds; a session is stored under the SHA-256
-- of its id, never the id itself.
CREATE TABLE platform_session (
    id_hash VARCHAR(64) NOT NULL,
    csrf_token VARCHAR(64) NOT NULL,
    user_name VARCHAR(200) NOT NULL,
    roles VARCHAR(1000) NOT NULL,
    created_at BIGINT NOT NULL,
    last_used BIGINT NOT NULL,
    PRIMARY KEY (id_hash));
CREATE INDEX platform_session_used_idx ON platform_session (last_used);
CREATE TABLE platform_signin_failure (
    user_key VARCHAR(200) NOT NULL,
    failures INTEGER NOT NULL,
    last_failure BIGINT NOT NULL,
    locked_until BIGINT NOT NULL,
    PRIMARY KEY (user_key));
