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
		k, err := s.openKey(sealed)
		if err != nil {
			return token.KeySet{}, err
		}
		keys = append(keys, k)
	}
	return token.NewKeySet(keys, now)
}

// openKey unseals one stored key.
func (s *Service) openKey(sealed []byte) (token.Key, error) {
	raw, err := s.sealer.Open(sealed, keyAD)
	if err != nil {
		return token.Key{}, fmt.Errorf("opening an identity pool OpenID key: %w", err)
	}
	return token.UnmarshalKey(raw)
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

// OpenIDKeyRotation reports RotateOpenIDKeys.
type OpenIDKeyRotation struct {
	// NewKeyID signs from ActiveFrom on; it is published at once. Both are
	// zero when no OpenID token has been signed yet: the first key is made
	// on first use, and there was nothing to rotate.
	NewKeyID   string
	ActiveFrom time.Time
	// Replaced stop signing at ActiveFrom and keep verifying, published,
	// for token.RetiredKeyTTL after it.
	Replaced []string
	// Dropped were retired more than token.RetiredKeyTTL ago and are
	// removed from the store.
	Dropped []string
}

// RotateOpenIDKeys gives the identity pools' OpenID tokens a new signing
// key that signs from now+activateAfter on, and retires the keys it
// replaces at that same moment, so that one key signs at every instant.
// The new key is in the JWKS at once; the replaced ones verify, and stay
// published, for token.RetiredKeyTTL after they stop signing (OpenID
// tokens live a day at most); keys past that are removed. This replica
// reloads its keys at once, the others within keyCacheTTL, so outside
// tests activateAfter should be several minutes (authflow's
// DefaultKeyActivation). Every stored key is opened, and the whole set
// rewritten, in one store transaction; a wrong master key fails it.
func (s *Service) RotateOpenIDKeys(ctx context.Context, activateAfter time.Duration) (*OpenIDKeyRotation, error) {
	if activateAfter < 0 {
		return nil, fmt.Errorf("identitypool: key activation delay %v is negative", activateAfter)
	}
	now := s.now()
	activeFrom := now.Add(activateAfter)
	// Generated outside the transaction: an RSA key takes a while.
	k, err := token.GenerateKey(s.rand, token.UseIdentity, activeFrom)
	if err != nil {
		return nil, err
	}
	raw, err := token.MarshalKey(k)
	if err != nil {
		return nil, err
	}
	var rot OpenIDKeyRotation
	err = s.store.UpdateIdentityPool(ctx, keyRecordID, func(rec store.IdentityPoolRecord) (store.IdentityPoolRecord, error) {
		rot = OpenIDKeyRotation{NewKeyID: k.ID, ActiveFrom: k.CreatedAt}
		var data keyRecordData
		if err := json.Unmarshal(rec.Data, &data); err != nil {
			return rec, fmt.Errorf("identity pool OpenID keys: %w", err)
		}
		kept := make([][]byte, 0, len(data.Keys)+1)
		for _, sealed := range data.Keys {
			old, err := s.openKey(sealed)
			if err != nil {
				return rec, err
			}
			switch {
			case !old.Live(now):
				rot.Dropped = append(rot.Dropped, old.ID)
				continue
			case old.RetiredAt == nil || old.RetiredAt.After(activeFrom):
				old.RetiredAt = &activeFrom
				b, err := token.MarshalKey(old)
				if err != nil {
					return rec, err
				}
				sealed = s.sealer.Seal(b, keyAD)
				rot.Replaced = append(rot.Replaced, old.ID)
			}
			kept = append(kept, sealed)
		}
		data.Keys = append(kept, s.sealer.Seal(raw, keyAD))
		b, err := json.Marshal(data)
		if err != nil {
			return rec, err
		}
		rec.Data, rec.UpdatedAt = b, now
		return rec, nil
	})
	if errors.Is(err, store.ErrNotFound) {
		return &OpenIDKeyRotation{}, nil
	}
	if err != nil {
		return nil, err
	}
	set, err := s.loadKeys(ctx, now)
	if err != nil {
		return nil, err
	}
	s.keysMu.Lock()
	s.keys = &cachedKeys{set: set, loadedAt: now}
	s.keysMu.Unlock()
	return &rot, nil
}

// OpenIDKeyInfo describes one OpenID signing key; it holds no key
// material.
type OpenIDKeyInfo struct {
	KeyID string
	// ActiveFrom is the key's CreatedAt: when it started (or starts) to
	// sign. RetiredAt is when it stopped (or stops); nil while no rotation
	// has replaced it.
	ActiveFrom time.Time
	RetiredAt  *time.Time
	// State is the key's state now (token.KeySet.State): "signing",
	// "pending" (published, signs from ActiveFrom on), "standby" (active
	// but outranked by a newer key), "retired" (verifies until RetiredAt
	// plus token.RetiredKeyTTL) or "expired" (neither published nor
	// trusted; the next rotation removes it).
	State string
}

// OpenIDKeys lists the stored OpenID signing keys in the order they were
// added (none before the first token is signed). It opens every key, so it
// also proves the master key right; it creates none.
func (s *Service) OpenIDKeys(ctx context.Context) ([]OpenIDKeyInfo, error) {
	rec, err := s.store.GetIdentityPool(ctx, keyRecordID)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var data keyRecordData
	if err := json.Unmarshal(rec.Data, &data); err != nil {
		return nil, fmt.Errorf("identity pool OpenID keys: %w", err)
	}
	keys := make([]token.Key, 0, len(data.Keys))
	out := make([]OpenIDKeyInfo, 0, len(data.Keys))
	for _, sealed := range data.Keys {
		k, err := s.openKey(sealed)
		if err != nil {
			return nil, err
		}
		keys = append(keys, k)
		out = append(out, OpenIDKeyInfo{KeyID: k.ID, ActiveFrom: k.CreatedAt, RetiredAt: k.RetiredAt})
	}
	now := s.now()
	set, err := token.NewKeySet(keys, now)
	if err != nil {
		return nil, err
	}
	for i, k := range keys {
		out[i].State = set.State(k, now)
	}
	return out, nil
}
