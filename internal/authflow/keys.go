package authflow

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/incognito-idp/incognito/internal/store"
	"github.com/incognito-idp/incognito/internal/token"
)

// keyCacheTTL bounds how long a replica trusts its cached key set before
// looking for keys another replica added or retired.
const keyCacheTTL = time.Minute

// keyReloadInterval is the least time between two reloads a caller asks
// for (see KeySet's refresh).
const keyReloadInterval = time.Second

type poolKeys struct {
	set      token.KeySet
	loadedAt time.Time
}

// KeySet returns the pool's signing keys, creating the first ID and access
// keys on first use. Keys are parsed once and cached; an unknown kid makes
// the caller ask again with refresh set.
func (s *Service) KeySet(ctx context.Context, poolID string, refresh bool) (token.KeySet, error) {
	now := s.now()
	s.keysMu.Lock()
	cached, ok := s.keys[poolID]
	s.keysMu.Unlock()
	if ok && !refresh && now.Sub(cached.loadedAt) < keyCacheTTL {
		return cached.set, nil
	}
	// A token with an unknown kid asks for a reload; a stream of forged
	// tokens must not turn into a stream of store reads.
	if ok && refresh && now.Sub(cached.loadedAt) < keyReloadInterval {
		return cached.set, nil
	}
	set, err := s.loadKeys(ctx, poolID, now)
	if err != nil {
		return token.KeySet{}, err
	}
	s.keysMu.Lock()
	s.keys[poolID] = &poolKeys{set: set, loadedAt: now}
	s.keysMu.Unlock()
	return set, nil
}

func (s *Service) loadKeys(ctx context.Context, poolID string, now time.Time) (token.KeySet, error) {
	records, err := s.store.ListKeys(ctx, poolID)
	if err != nil {
		return token.KeySet{}, err
	}
	keys, err := s.openKeys(records)
	if err != nil {
		return token.KeySet{}, err
	}
	have := map[string]bool{}
	for _, k := range keys {
		if k.RetiredAt == nil {
			have[k.Use] = true
		}
	}
	for _, use := range []string{token.UseID, token.UseAccess} {
		if have[use] {
			continue
		}
		k, err := s.createKey(ctx, poolID, use, now)
		if err != nil {
			return token.KeySet{}, err
		}
		keys = append(keys, k)
	}
	return token.NewKeySet(keys, now)
}

func (s *Service) openKeys(records []store.KeyRecord) ([]token.Key, error) {
	keys := make([]token.Key, 0, len(records))
	for _, r := range records {
		raw, err := s.keySealer.Open(r.Data, []byte(r.PoolID+"/"+r.KeyID))
		if err != nil {
			return nil, fmt.Errorf("opening signing key %s of %s: %w", r.KeyID, r.PoolID, err)
		}
		k, err := token.UnmarshalKey(raw)
		if err != nil {
			return nil, err
		}
		k.RetiredAt = r.RetiredAt
		keys = append(keys, k)
	}
	return keys, nil
}

func (s *Service) createKey(ctx context.Context, poolID, use string, now time.Time) (token.Key, error) {
	k, err := token.GenerateKey(s.rand, use, now)
	if err != nil {
		return token.Key{}, err
	}
	raw, err := token.MarshalKey(k)
	if err != nil {
		return token.Key{}, err
	}
	err = s.store.CreateKey(ctx, store.KeyRecord{
		PoolID: poolID, KeyID: k.ID, Use: use, CreatedAt: now,
		Data: s.keySealer.Seal(raw, []byte(poolID+"/"+k.ID)),
	})
	if err != nil && !errors.Is(err, store.ErrAlreadyExists) {
		return token.Key{}, err
	}
	return k, nil
}

// JWKS returns the pool's public keys as served at
// /<poolId>/.well-known/jwks.json.
func (s *Service) JWKS(ctx context.Context, poolID string) ([]byte, error) {
	set, err := s.KeySet(ctx, poolID, false)
	if err != nil {
		return nil, err
	}
	return set.JWKS(), nil
}
