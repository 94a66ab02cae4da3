package identitypool

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/incognito-idp/incognito/internal/store"
	"github.com/incognito-idp/incognito/internal/token"
)

// keyRecordID is the record that holds the identity pools' OpenID signing
// keys. The keys belong to no identity pool (Cognito has one issuer and one
// JWKS for all of them), and the store's signing-key table hangs off user
// pools, so they live, sealed, in an identity-pool row whose ID can never
// be a pool's (it does not match [\w-]+:[0-9a-f-]+): the pool operations
// neither list nor accept it.
const keyRecordID = "cognito-identity"

// keyCacheTTL bounds how long a replica trusts its cached key set.
const keyCacheTTL = time.Minute

type cachedKeys struct {
	set      token.KeySet
	loadedAt time.Time
}

// keyRecordData is the record's Data: each key marshalled by token and
// sealed.
type keyRecordData struct {
	Keys [][]byte `json:"keys"`
}

var keyAD = []byte("identity-pool-openid-keys")

// keySet returns the OpenID signing keys, creating the first on first use.
// refresh skips the cache (an unknown kid may be another replica's new key).
func (s *Service) keySet(ctx context.Context, refresh bool) (token.KeySet, error) {
	now := s.now()
	s.keysMu.Lock()
	cached := s.keys
	s.keysMu.Unlock()
	if cached != nil && !refresh && now.Sub(cached.loadedAt) < keyCacheTTL {
		return cached.set, nil
	}
	set, err := s.loadKeys(ctx, now)
	if err != nil {
		return token.KeySet{}, err
	}
	s.keysMu.Lock()
	s.keys = &cachedKeys{set: set, loadedAt: now}
	s.keysMu.Unlock()
	return set, nil
}

func (s *Service) loadKeys(ctx context.Context, now time.Time) (token.KeySet, error) {
	rec, err := s.store.GetIdentityPool(ctx, keyRecordID)
	if errors.Is(err, store.ErrNotFound) {
		rec, err = s.createKeyRecord(ctx, now)
	}
	if err != nil {
		return token.KeySet{}, err
	}
	var data keyRecordData
	if err := json.Unmarshal(rec.Data, &data); err != nil {
		return token.KeySet{}, fmt.Errorf("identity pool OpenID keys: %w", err)
	}
	keys := make([]token.Key, 0, len(data.Keys))
	for _, sealed := range data.Keys {
		raw, err := s.sealer.Open(sealed, keyAD)
		if err != nil {
			return token.KeySet{}, fmt.Errorf("opening an identity pool OpenID key: %w", err)
		}
		k, err := token.UnmarshalKey(raw)
		if err != nil {
			return token.KeySet{}, err
		}
		keys = append(keys, k)
	}
	return token.NewKeySet(keys, now)
}

// createKeyRecord makes the first key. Two replicas may race: the loser's
// key is dropped and it reads the winner's.
func (s *Service) createKeyRecord(ctx context.Context, now time.Time) (store.IdentityPoolRecord, error) {
	k, err := token.GenerateKey(s.rand, token.UseIdentity, now)
	if err != nil {
		return store.IdentityPoolRecord{}, err
	}
	raw, err := token.MarshalKey(k)
	if err != nil {
		return store.IdentityPoolRecord{}, err
	}
	data, err := json.Marshal(keyRecordData{Keys: [][]byte{s.sealer.Seal(raw, keyAD)}})
	if err != nil {
		return store.IdentityPoolRecord{}, err
	}
	rec := store.IdentityPoolRecord{ID: keyRecordID, Name: "Incognito identity pool OpenID keys", CreatedAt: now, UpdatedAt: now, Data: data}
	err = s.store.CreateIdentityPool(ctx, rec)
	if errors.Is(err, store.ErrAlreadyExists) {
		return s.store.GetIdentityPool(ctx, keyRecordID)
	}
	return rec, err
}

// verifyWithIdentityKeys verifies with the cached keys, and once more with
// fresh ones when the kid is unknown.
func (s *Service) verifyWithIdentityKeys(ctx context.Context, raw string) (map[string]any, error) {
	keys, err := s.keySet(ctx, false)
	if err != nil {
		return nil, err
	}
	claims, err := keys.VerifyUse(raw, token.UseIdentity, s.now())
	if err == nil || !errors.Is(err, token.ErrSignature) {
		return claims, err
	}
	if keys, err = s.keySet(ctx, true); err != nil {
		return nil, err
	}
	return keys.VerifyUse(raw, token.UseIdentity, s.now())
}

// JWKS is the document served at /cognito-identity/.well-known/jwks_uri.
func (s *Service) JWKS(ctx context.Context) ([]byte, error) {
	keys, err := s.keySet(ctx, false)
	if err != nil {
		return nil, err
	}
	return keys.JWKS(), nil
}
