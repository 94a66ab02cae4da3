package storetest

import (
	"bytes"
	"testing"
	"time"

	"github.com/incognito-idp/incognito/internal/store"
)

// newCredential builds a credential with a fresh access key ID vended for
// identity, expiring at expires.
func newCredential(identity string, expires time.Time) store.CredentialRecord {
	key := newID("ASIA")
	return store.CredentialRecord{
		AccessKeyID:      key,
		SecretSealed:     []byte("sealed secret of " + key),
		SessionTokenHash: []byte{0, 1, 2, 0xfe, 0xff},
		IdentityID:       identity,
		RoleArn:          "arn:aws:iam::123456789012:role/authenticated",
		ExpiresAt:        expires,
		CreatedAt:        t0,
		Data:             []byte(`{"principal":"` + identity + `"}`),
	}
}

func sameCredential(t *testing.T, got, want store.CredentialRecord) {
	t.Helper()
	if got.AccessKeyID != want.AccessKeyID || got.IdentityID != want.IdentityID || got.RoleArn != want.RoleArn ||
		!bytes.Equal(got.SecretSealed, want.SecretSealed) || !bytes.Equal(got.SessionTokenHash, want.SessionTokenHash) ||
		!bytes.Equal(got.Data, want.Data) {
		t.Errorf("credential:\n got %+v\nwant %+v", got, want)
	}
	sameTime(t, "credential ExpiresAt", got.ExpiresAt, want.ExpiresAt)
	sameTime(t, "credential CreatedAt", got.CreatedAt, want.CreatedAt)
}

func testCredentials(t *testing.T, s store.Store) {
	ctx := t.Context()
	pool := newIdentityPool(t, s)
	id := newID("us-east-1:")
	createIdentities(t, s, newIdentity(pool, id))
	cred := newCredential(id, t0.Add(time.Hour))
	wantErr(t, "CreateCredential", s.CreateCredential(ctx, cred), nil)
	again := newCredential(id, t0.Add(2*time.Hour))
	again.AccessKeyID = cred.AccessKeyID
	wantErr(t, "CreateCredential again", s.CreateCredential(ctx, again), store.ErrAlreadyExists)

	got, err := s.GetCredential(ctx, cred.AccessKeyID)
	wantErr(t, "GetCredential", err, nil)
	sameCredential(t, got, cred) // unchanged by the failed create
	_, err = s.GetCredential(ctx, newID("ASIA"))
	wantErr(t, "GetCredential missing", err, store.ErrNotFound)

	t.Run("not tied to an identity", func(t *testing.T) {
		orphan := newCredential(newID("us-east-1:never-"), t0.Add(time.Hour))
		wantErr(t, "CreateCredential for an unknown identity", s.CreateCredential(ctx, orphan), nil)
		wantErr(t, "DeleteIdentity", s.DeleteIdentity(ctx, id), nil)
		got, err := s.GetCredential(ctx, cred.AccessKeyID)
		wantErr(t, "GetCredential after DeleteIdentity", err, nil)
		sameCredential(t, got, cred)
	})
	t.Run("empty fields", func(t *testing.T) {
		bare := store.CredentialRecord{AccessKeyID: newID("ASIA"), ExpiresAt: t0, CreatedAt: t0}
		wantErr(t, "CreateCredential", s.CreateCredential(ctx, bare), nil)
		got, err := s.GetCredential(ctx, bare.AccessKeyID)
		wantErr(t, "GetCredential", err, nil)
		sameCredential(t, got, bare)
	})
}

// testDeleteExpiredCredentials removes credentials that expired strictly
// before the given time. Other cases' credentials may share the database;
// they expire around t0, long after this case's.
func testDeleteExpiredCredentials(t *testing.T, s store.Store) {
	ctx := t.Context()
	// A time of its own, years before other cases' credentials expire.
	base := time.Date(1991, 8, 6, 0, 0, 0, 0, time.UTC).Add(time.Duration(time.Now().UnixNano()%1e6) * time.Second)
	creds := map[string]store.CredentialRecord{}
	for name, expires := range map[string]time.Time{
		"long expired":   base.Add(-time.Hour),
		"just expired":   base.Add(-time.Millisecond),
		"expiring now":   base,
		"still valid":    base.Add(time.Millisecond),
		"valid for long": base.Add(24 * time.Hour),
	} {
		c := newCredential(newID("us-east-1:"), expires)
		wantErr(t, "CreateCredential "+name, s.CreateCredential(ctx, c), nil)
		creds[name] = c
	}
	present := func(t *testing.T, want map[string]bool) {
		t.Helper()
		for name, c := range creds {
			_, err := s.GetCredential(ctx, c.AccessKeyID)
			if want[name] {
				wantErr(t, "GetCredential "+name, err, nil)
			} else {
				wantErr(t, "GetCredential "+name, err, store.ErrNotFound)
			}
		}
	}

	n, err := s.DeleteExpiredCredentials(ctx, base.Add(-2*time.Hour))
	wantErr(t, "DeleteExpiredCredentials before all", err, nil)
	if n != 0 {
		t.Errorf("DeleteExpiredCredentials = %d, want 0", n)
	}
	present(t, map[string]bool{"long expired": true, "just expired": true, "expiring now": true, "still valid": true, "valid for long": true})

	n, err = s.DeleteExpiredCredentials(ctx, base)
	wantErr(t, "DeleteExpiredCredentials", err, nil)
	if n != 2 {
		t.Errorf("DeleteExpiredCredentials = %d, want 2", n)
	}
	present(t, map[string]bool{"expiring now": true, "still valid": true, "valid for long": true})

	n, err = s.DeleteExpiredCredentials(ctx, base.Add(time.Hour).In(time.FixedZone("UTC-7", -7*60*60)))
	wantErr(t, "DeleteExpiredCredentials an hour later", err, nil)
	if n != 2 {
		t.Errorf("DeleteExpiredCredentials an hour later = %d, want 2", n)
	}
	present(t, map[string]bool{"valid for long": true})
}
