-- Identity pools, their identities and the AWS credentials Incognito vends.
-- Same conventions as 0001_init.sql: INTEGER microseconds since the Unix
-- epoch, BINARY text order.

CREATE TABLE identity_pools (
	id         TEXT    NOT NULL PRIMARY KEY,
	name       TEXT    NOT NULL,
	data       BLOB,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
) STRICT;

-- keys mirrors the identity's rows in identity_keys, so that reading an
-- identity is one row; the store writes both in the same transaction.
CREATE TABLE identities (
	id         TEXT    NOT NULL PRIMARY KEY,
	pool_id    TEXT    NOT NULL REFERENCES identity_pools (id) ON DELETE CASCADE,
	logins     TEXT    NOT NULL, -- JSON array
	keys       TEXT    NOT NULL, -- JSON array, sorted
	data       BLOB,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
) STRICT;

-- Lists walk it in ID order; unique so that identity_keys can reference it.
CREATE UNIQUE INDEX identities_by_pool ON identities (pool_id, id);

-- One row per login key: the primary key is what makes keys unique in a pool.
CREATE TABLE identity_keys (
	pool_id     TEXT NOT NULL,
	key         TEXT NOT NULL,
	identity_id TEXT NOT NULL,
	PRIMARY KEY (pool_id, key),
	FOREIGN KEY (pool_id, identity_id) REFERENCES identities (pool_id, id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

CREATE INDEX identity_keys_by_identity ON identity_keys (pool_id, identity_id);

-- Credentials outlive their identity until they expire: no foreign key.
CREATE TABLE credentials (
	access_key_id      TEXT    NOT NULL PRIMARY KEY,
	secret_sealed      BLOB,
	session_token_hash BLOB,
	identity_id        TEXT    NOT NULL,
	role_arn           TEXT    NOT NULL,
	expires_at         INTEGER NOT NULL,
	created_at         INTEGER NOT NULL,
	data               BLOB
) STRICT;

CREATE INDEX credentials_by_expiry ON credentials (expires_at);
