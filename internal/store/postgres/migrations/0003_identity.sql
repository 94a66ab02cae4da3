-- Identity pools, their identities and the AWS credentials Incognito vends.
-- Same conventions as 0001_init.sql: every key column uses COLLATE "C".

CREATE TABLE identity_pools (
	id         text COLLATE "C" PRIMARY KEY,
	name       text        NOT NULL,
	data       bytea,
	created_at timestamptz NOT NULL,
	updated_at timestamptz NOT NULL
);

-- keys mirrors the identity's rows in identity_keys, so that reading an
-- identity is one row; the store writes both in the same transaction.
CREATE TABLE identities (
	id         text COLLATE "C" PRIMARY KEY,
	pool_id    text COLLATE "C" NOT NULL REFERENCES identity_pools (id) ON DELETE CASCADE,
	logins     jsonb       NOT NULL, -- array of provider names
	keys       text[]      NOT NULL, -- sorted
	data       bytea,
	created_at timestamptz NOT NULL,
	updated_at timestamptz NOT NULL
);

-- Lists walk it in ID order; unique so that identity_keys can reference it.
CREATE UNIQUE INDEX identities_by_pool ON identities (pool_id, id);

-- One row per login key: the primary key is what makes keys unique in a pool.
CREATE TABLE identity_keys (
	pool_id     text COLLATE "C" NOT NULL,
	key         text COLLATE "C" NOT NULL,
	identity_id text COLLATE "C" NOT NULL,
	PRIMARY KEY (pool_id, key),
	FOREIGN KEY (pool_id, identity_id) REFERENCES identities (pool_id, id) ON DELETE CASCADE
);

CREATE INDEX identity_keys_by_identity ON identity_keys (pool_id, identity_id);

-- Credentials outlive their identity until they expire: no foreign key.
CREATE TABLE credentials (
	access_key_id      text COLLATE "C" PRIMARY KEY,
	secret_sealed      bytea,
	session_token_hash bytea,
	identity_id        text COLLATE "C" NOT NULL,
	role_arn           text        NOT NULL,
	expires_at         timestamptz NOT NULL,
	created_at         timestamptz NOT NULL,
	data               bytea
);

CREATE INDEX credentials_by_expiry ON credentials (expires_at);
