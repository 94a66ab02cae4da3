-- Incognito schema, SQLite dialect. Timestamps are INTEGER microseconds since
-- the Unix epoch (UTC). Text compares with BINARY collation (byte order), so
-- list order and prefix ranges match the PostgreSQL backend's COLLATE "C".

CREATE TABLE pools (
	id         TEXT    NOT NULL PRIMARY KEY,
	name       TEXT    NOT NULL,
	data       BLOB,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE clients (
	client_id  TEXT    NOT NULL PRIMARY KEY,
	pool_id    TEXT    NOT NULL REFERENCES pools (id) ON DELETE CASCADE,
	name       TEXT    NOT NULL,
	data       BLOB,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
) STRICT;

CREATE INDEX clients_by_pool ON clients (pool_id, client_id);

-- claims mirrors the user's rows in user_claims, so that reading a user is
-- one row; the store writes both in the same transaction.
CREATE TABLE users (
	pool_id    TEXT    NOT NULL REFERENCES pools (id) ON DELETE CASCADE,
	user_key   TEXT    NOT NULL,
	username   TEXT    NOT NULL,
	sub        TEXT    NOT NULL,
	status     TEXT    NOT NULL,
	enabled    INTEGER NOT NULL,
	attributes TEXT    NOT NULL, -- JSON object
	claims     TEXT    NOT NULL, -- JSON array, sorted
	data       BLOB,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL,
	PRIMARY KEY (pool_id, user_key)
) STRICT;

-- One row per unique claim: the primary key is what makes claims unique.
CREATE TABLE user_claims (
	pool_id  TEXT NOT NULL,
	claim    TEXT NOT NULL,
	user_key TEXT NOT NULL,
	PRIMARY KEY (pool_id, claim),
	FOREIGN KEY (pool_id, user_key) REFERENCES users (pool_id, user_key) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

CREATE INDEX user_claims_by_user ON user_claims (pool_id, user_key);

-- One row per user and filterable attribute (see internal/store/internal/userindex).
CREATE TABLE user_search (
	pool_id  TEXT NOT NULL,
	user_key TEXT NOT NULL,
	attr     TEXT NOT NULL,
	value    TEXT NOT NULL,
	PRIMARY KEY (pool_id, user_key, attr),
	FOREIGN KEY (pool_id, user_key) REFERENCES users (pool_id, user_key) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

CREATE INDEX user_search_by_value ON user_search (pool_id, attr, value, user_key);

CREATE TABLE groups (
	pool_id     TEXT    NOT NULL REFERENCES pools (id) ON DELETE CASCADE,
	name        TEXT    NOT NULL,
	description TEXT    NOT NULL,
	role_arn    TEXT    NOT NULL,
	precedence  INTEGER,
	created_at  INTEGER NOT NULL,
	updated_at  INTEGER NOT NULL,
	PRIMARY KEY (pool_id, name)
) STRICT;

CREATE TABLE group_members (
	pool_id    TEXT NOT NULL,
	group_name TEXT NOT NULL,
	user_key   TEXT NOT NULL,
	PRIMARY KEY (pool_id, group_name, user_key),
	FOREIGN KEY (pool_id, group_name) REFERENCES groups (pool_id, name) ON DELETE CASCADE,
	FOREIGN KEY (pool_id, user_key) REFERENCES users (pool_id, user_key) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

CREATE INDEX group_members_by_user ON group_members (pool_id, user_key, group_name);
