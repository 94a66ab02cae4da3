-- Incognito schema, PostgreSQL dialect. Every key column uses COLLATE "C"
-- (byte order), whatever the database's default collation: list order and
-- prefix ranges then match Go string comparison and the SQLite backend, and
-- "value >= p AND value < end" is exactly a prefix match.

CREATE TABLE pools (
	id         text COLLATE "C" PRIMARY KEY,
	name       text        NOT NULL,
	data       bytea,
	created_at timestamptz NOT NULL,
	updated_at timestamptz NOT NULL
);

CREATE TABLE clients (
	client_id  text COLLATE "C" PRIMARY KEY,
	pool_id    text COLLATE "C" NOT NULL REFERENCES pools (id) ON DELETE CASCADE,
	name       text        NOT NULL,
	data       bytea,
	created_at timestamptz NOT NULL,
	updated_at timestamptz NOT NULL
);

CREATE INDEX clients_by_pool ON clients (pool_id, client_id);

-- claims mirrors the user's rows in user_claims, so that reading a user is
-- one row; the store writes both in the same transaction.
CREATE TABLE users (
	pool_id    text COLLATE "C" NOT NULL REFERENCES pools (id) ON DELETE CASCADE,
	user_key   text COLLATE "C" NOT NULL,
	username   text        NOT NULL,
	sub        text        NOT NULL,
	status     text        NOT NULL,
	enabled    boolean     NOT NULL,
	attributes jsonb       NOT NULL,
	claims     text[]      NOT NULL, -- sorted
	data       bytea,
	created_at timestamptz NOT NULL,
	updated_at timestamptz NOT NULL,
	PRIMARY KEY (pool_id, user_key)
);

-- One row per unique claim: the primary key is what makes claims unique.
CREATE TABLE user_claims (
	pool_id  text COLLATE "C" NOT NULL,
	claim    text COLLATE "C" NOT NULL,
	user_key text COLLATE "C" NOT NULL,
	PRIMARY KEY (pool_id, claim),
	FOREIGN KEY (pool_id, user_key) REFERENCES users (pool_id, user_key) ON DELETE CASCADE
);

CREATE INDEX user_claims_by_user ON user_claims (pool_id, user_key);

-- One row per user and filterable attribute (see internal/store/internal/userindex).
CREATE TABLE user_search (
	pool_id  text COLLATE "C" NOT NULL,
	user_key text COLLATE "C" NOT NULL,
	attr     text COLLATE "C" NOT NULL,
	value    text COLLATE "C" NOT NULL,
	PRIMARY KEY (pool_id, user_key, attr),
	FOREIGN KEY (pool_id, user_key) REFERENCES users (pool_id, user_key) ON DELETE CASCADE
);

CREATE INDEX user_search_by_value ON user_search (pool_id, attr, value, user_key);

CREATE TABLE groups (
	pool_id     text COLLATE "C" NOT NULL REFERENCES pools (id) ON DELETE CASCADE,
	name        text COLLATE "C" NOT NULL,
	description text        NOT NULL,
	role_arn    text        NOT NULL,
	precedence  bigint,
	created_at  timestamptz NOT NULL,
	updated_at  timestamptz NOT NULL,
	PRIMARY KEY (pool_id, name)
);

CREATE TABLE group_members (
	pool_id    text COLLATE "C" NOT NULL,
	group_name text COLLATE "C" NOT NULL,
	user_key   text COLLATE "C" NOT NULL,
	PRIMARY KEY (pool_id, group_name, user_key),
	FOREIGN KEY (pool_id, group_name) REFERENCES groups (pool_id, name) ON DELETE CASCADE,
	FOREIGN KEY (pool_id, user_key) REFERENCES users (pool_id, user_key) ON DELETE CASCADE
);

CREATE INDEX group_members_by_user ON group_members (pool_id, user_key, group_name);
