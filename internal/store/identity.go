package store

import (
	"context"
	"time"
)

// IdentityPoolRecord is one identity pool. Data is the domain's serialised
// settings (providers, roles, role mappings, tags, principal-tag maps).
type IdentityPoolRecord struct {
	ID        string // "<region>:<uuid>"
	Name      string
	CreatedAt time.Time
	UpdatedAt time.Time
	Data      []byte
}

// IdentityRecord is one identity of an identity pool.
type IdentityRecord struct {
	PoolID    string
	ID        string // "<region>:<uuid>", unique across pools
	CreatedAt time.Time
	UpdatedAt time.Time
	// Logins are the provider names linked to the identity
	// (e.g. "cognito-idp.us-east-1.amazonaws.com/us-east-1_X").
	Logins []string
	// Keys are the unique login keys held by the identity within its pool,
	// e.g. "<provider>|<subject>" or "dev|<developer provider>|<user id>".
	// Creating or updating an identity whose key is held by another fails
	// with *ConflictError.
	Keys []string
	Data []byte
}

// CredentialRecord is one set of temporary AWS credentials Incognito
// vended. The secret key is sealed; the session token is kept as a hash.
type CredentialRecord struct {
	AccessKeyID      string // primary key
	SecretSealed     []byte
	SessionTokenHash []byte
	IdentityID       string
	RoleArn          string
	ExpiresAt        time.Time
	CreatedAt        time.Time
	// Data is the domain's serialised principal: assumed-role ARN, the
	// identity's claims and provider, for policy checks.
	Data []byte
}

// IdentityStore holds identity pools, their identities and the credentials
// vended for them. Backends implement it together with Store.
type IdentityStore interface {
	// Identity pools; lists ordered by ID.
	CreateIdentityPool(ctx context.Context, p IdentityPoolRecord) error
	GetIdentityPool(ctx context.Context, id string) (IdentityPoolRecord, error)
	ListIdentityPools(ctx context.Context, page Page) ([]IdentityPoolRecord, error)
	UpdateIdentityPool(ctx context.Context, id string, update func(IdentityPoolRecord) (IdentityPoolRecord, error)) error
	// DeleteIdentityPool removes the pool and its identities.
	DeleteIdentityPool(ctx context.Context, id string) error

	// Identities; lists ordered by ID.
	CreateIdentity(ctx context.Context, i IdentityRecord) error
	GetIdentity(ctx context.Context, id string) (IdentityRecord, error)
	GetIdentityByKey(ctx context.Context, poolID, key string) (IdentityRecord, error)
	ListIdentities(ctx context.Context, poolID string, page Page) ([]IdentityRecord, error)
	UpdateIdentity(ctx context.Context, id string, update func(IdentityRecord) (IdentityRecord, error)) error
	DeleteIdentity(ctx context.Context, id string) error

	// Credentials.
	CreateCredential(ctx context.Context, c CredentialRecord) error
	GetCredential(ctx context.Context, accessKeyID string) (CredentialRecord, error)
	// DeleteExpiredCredentials removes credentials expired before t.
	DeleteExpiredCredentials(ctx context.Context, t time.Time) (int, error)
}
