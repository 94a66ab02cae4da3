-- Sign-in state, PostgreSQL dialect: signing keys, sessions and the message
-- outbox. Same conventions as 0001: key columns COLLATE "C" (byte order). A
-- NULL timestamp stands for an unset one.

CREATE TABLE keys (
	pool_id    text COLLATE "C" NOT NULL REFERENCES pools (id) ON DELETE CASCADE,
	key_id     text COLLATE "C" NOT NULL,
	key_use    text        NOT NULL, -- 'id' | 'access'
	data       bytea,                -- the sealed private key
	created_at timestamptz NOT NULL,
	retired_at timestamptz,
	PRIMARY KEY (pool_id, key_id)
);

-- ListKeys reads a pool's keys oldest first without sorting.
CREATE INDEX keys_by_age ON keys (pool_id, created_at, key_id);

-- A session belongs to a user: deleting the user, or its pool, deletes it.
-- Hashes are SHA-256 digests of refresh tokens; previous_hash is NULL until
-- the first rotation.
CREATE TABLE sessions (
	pool_id              text COLLATE "C" NOT NULL REFERENCES pools (id) ON DELETE CASCADE,
	origin_jti           text COLLATE "C" NOT NULL,
	client_id            text COLLATE "C" NOT NULL,
	user_key             text COLLATE "C" NOT NULL,
	refresh_hash         bytea       NOT NULL,
	previous_hash        bytea,
	previous_valid_until timestamptz,
	device_key           text        NOT NULL,
	auth_time            timestamptz NOT NULL,
	created_at           timestamptz NOT NULL,
	expires_at           timestamptz NOT NULL,
	revoked_at           timestamptz,
	data                 bytea,
	PRIMARY KEY (pool_id, origin_jti),
	FOREIGN KEY (pool_id, user_key) REFERENCES users (pool_id, user_key) ON DELETE CASCADE
);

CREATE UNIQUE INDEX sessions_by_refresh_hash ON sessions (refresh_hash);
CREATE INDEX sessions_by_previous_hash ON sessions (previous_hash);
CREATE INDEX sessions_by_user ON sessions (pool_id, user_key);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

-- The outbox. IDs are chosen by the caller and sort by time.
CREATE TABLE messages (
	id          text COLLATE "C" PRIMARY KEY,
	pool_id     text COLLATE "C" NOT NULL REFERENCES pools (id) ON DELETE CASCADE,
	created_at  timestamptz NOT NULL,
	medium      text        NOT NULL,
	destination text        NOT NULL,
	subject     text        NOT NULL,
	body        text        NOT NULL,
	kind        text        NOT NULL,
	username    text        NOT NULL
);

CREATE INDEX messages_by_pool ON messages (pool_id, id);
