package postgres

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/incognito-idp/incognito/internal/store"
)

const (
	credentialColumns = "access_key_id, secret_sealed, session_token_hash, identity_id, role_arn, expires_at, created_at, data"
	getCredentialSQL  = "SELECT " + credentialColumns + " FROM credentials WHERE access_key_id = $1"
	// deleteExpiredCredentialsSQL walks credentials_by_expiry.
	deleteExpiredCredentialsSQL = "DELETE FROM credentials WHERE expires_at < $1"
)

func scanCredential(row pgx.Row) (store.CredentialRecord, error) {
	var c store.CredentialRecord
	err := row.Scan(&c.AccessKeyID, &c.SecretSealed, &c.SessionTokenHash, &c.IdentityID, &c.RoleArn,
		&c.ExpiresAt, &c.CreatedAt, &c.Data)
	utc(&c.ExpiresAt, &c.CreatedAt)
	return c, err
}

// CreateCredential does not check that the identity exists: credentials are
// not tied to their identity's lifetime, only to their own expiry.
func (s *Store) CreateCredential(ctx context.Context, c store.CredentialRecord) error {
	return created(s.pool.Exec(ctx,
		"INSERT INTO credentials ("+credentialColumns+") VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING",
		c.AccessKeyID, c.SecretSealed, c.SessionTokenHash, c.IdentityID, c.RoleArn, c.ExpiresAt, c.CreatedAt, c.Data))
}

// GetCredential returns the credential even when it has expired: the
// caller decides what expiry means.
func (s *Store) GetCredential(ctx context.Context, accessKeyID string) (store.CredentialRecord, error) {
	c, err := scanCredential(s.pool.QueryRow(ctx, getCredentialSQL, accessKeyID))
	if err != nil {
		return store.CredentialRecord{}, notFound(err)
	}
	return c, nil
}

func (s *Store) DeleteExpiredCredentials(ctx context.Context, t time.Time) (int, error) {
	tag, err := s.pool.Exec(ctx, deleteExpiredCredentialsSQL, t)
	if err != nil {
		return 0, wrap(err)
	}
	return int(tag.RowsAffected()), nil
}
