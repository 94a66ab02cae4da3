-- Sign-in state, SQLite dialect: signing keys, sessions and the message
-- outbox. Same conventions as 0001: INTEGER microseconds since the Unix epoch
-- (UTC), BINARY collation. A NULL timestamp stands for an unset one.

CREATE TABLE keys (
	pool_id    TEXT    NOT NULL REFERENCES pools (id) ON DELETE CASCADE,
	key_id     TEXT    NOT NULL,
	key_use    TEXT    NOT NULL, -- "id" | "access"
	data       BLOB,             -- the sealed private key
	created_at INTEGER NOT NULL,
	retired_at INTEGER,
	PRIMARY KEY (pool_id, key_id)
) STRICT;

-- ListKeys reads a pool's keys oldest first without sorting.
CREATE INDEX keys_by_age ON keys (pool_id, created_at, key_id);

-- A session belongs to a user: deleting the user, or its pool, deletes it.
-- Hashes are SHA-256 digests of refresh tokens; previous_hash is NULL until
-- the first rotation.
CREATE TABLE sessions (
	pool_id              TEXT    NOT NULL REFERENCES pools (id) ON DELETE CASCADE,
	origin_jti           TEXT    NOT NULL,
	client_id            TEXT    NOT NULL,
	user_key             TEXT    NOT NULL,
	refresh_hash         BLOB    NOT NULL,
	previous_hash        BLOB,
	previous_valid_until INTEGER,
	device_key           TEXT    NOT NULL,
	auth_time            INTEGER NOT NULL,
	created_at           INTEGER NOT NULL,
	expires_at           INTEGER NOT NULL,
	revoked_at           INTEGER,
	data                 BLOB,
	PRIMARY KEY (pool_id, origin_jti),
	FOREIGN KEY (pool_id, user_key) REFERENCES users (pool_id, user_key) ON DELETE CASCADE
) STRICT;

CREATE UNIQUE INDEX sessions_by_refresh_hash ON sessions (refresh_hash);
CREATE INDEX sessions_by_previous_hash ON sessions (previous_hash);
CREATE INDEX sessions_by_user ON sessions (pool_id, user_key);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

-- The outbox. IDs are chosen by the caller and sort by time.
CREATE TABLE messages (
	id          TEXT    NOT NULL PRIMARY KEY,
	pool_id     TEXT    NOT NULL REFERENCES pools (id) ON DELETE CASCADE,
	created_at  INTEGER NOT NULL,
	medium      TEXT    NOT NULL,
	destination TEXT    NOT NULL,
	subject     TEXT    NOT NULL,
	body        TEXT    NOT NULL,
	kind        TEXT    NOT NULL,
	username    TEXT    NOT NULL
) STRICT;

CREATE INDEX messages_by_pool ON messages (pool_id, id);
