package sqlite

import (
	"context"
	"time"

	"github.com/incognito-idp/incognito/internal/store"
)

const (
	credentialColumns = "access_key_id, secret_sealed, session_token_hash, identity_id, role_arn, expires_at, created_at, data"
	getCredentialSQL  = "SELECT " + credentialColumns + " FROM credentials WHERE access_key_id = ?"
	// deleteExpiredCredentialsSQL walks credentials_by_expiry.
	deleteExpiredCredentialsSQL = "DELETE FROM credentials WHERE expires_at < ?"
)

func scanCredential(sc scanner) (store.CredentialRecord, error) {
	var c store.CredentialRecord
	var expires, created int64
	err := sc.Scan(&c.AccessKeyID, &c.SecretSealed, &c.SessionTokenHash, &c.IdentityID, &c.RoleArn,
		&expires, &created, &c.Data)
	if err != nil {
		return c, err
	}
	c.ExpiresAt, c.CreatedAt = fromMicros(expires), fromMicros(created)
	return c, nil
}

// CreateCredential does not check that the identity exists: credentials are
// not tied to their identity's lifetime, only to their own expiry.
func (s *Store) CreateCredential(ctx context.Context, c store.CredentialRecord) error {
	return created(s.w.ExecContext(ctx,
		"INSERT INTO credentials ("+credentialColumns+") VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
		c.AccessKeyID, c.SecretSealed, c.SessionTokenHash, c.IdentityID, c.RoleArn,
		micros(c.ExpiresAt), micros(c.CreatedAt), c.Data))
}

// GetCredential returns the credential even when it has expired: the
// caller decides what expiry means.
func (s *Store) GetCredential(ctx context.Context, accessKeyID string) (store.CredentialRecord, error) {
	c, err := scanCredential(s.r.QueryRowContext(ctx, getCredentialSQL, accessKeyID))
	if err != nil {
		return store.CredentialRecord{}, notFound(err)
	}
	return c, nil
}

func (s *Store) DeleteExpiredCredentials(ctx context.Context, t time.Time) (int, error) {
	return deleted(s.w.ExecContext(ctx, deleteExpiredCredentialsSQL, micros(t)))
}
