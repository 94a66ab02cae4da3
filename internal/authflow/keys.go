package authflow

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/incognito-idp/incognito/internal/store"
	"github.com/incognito-idp/incognito/internal/token"
)

// KeyCacheTTL bounds how long a replica trusts its cached key set before
// looking for keys another replica (or `incognito keys rotate`) added or
// retired. A rotation must announce its new keys for longer than this
// before they sign (see DefaultKeyActivation).
const KeyCacheTTL = time.Minute

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
	if ok && !refresh && now.Sub(cached.loadedAt) < KeyCacheTTL {
		return cached.set, nil
	}
	// A token with an unknown kid asks for a reload; a stream of forged
	// tokens must not turn into a stream of store reads.
	if ok && refresh && now.Sub(cached.loadedAt) < keyReloadInterval {
		return cached.set, nil
	}
	// One load per pool at a time: concurrent first sign-ins to a new
	// pool must not each mint a key pair of their own.
	lock := s.poolLoadLock(poolID)
	lock.Lock()
	defer lock.Unlock()
	s.keysMu.Lock()
	latest, ok := s.keys[poolID]
	s.keysMu.Unlock()
	if ok && latest != cached && now.Sub(latest.loadedAt) < keyReloadInterval {
		return latest.set, nil // loaded by the caller we waited for
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

// poolLoadLock is the mutex serialising key loads of one pool.
func (s *Service) poolLoadLock(poolID string) *sync.Mutex {
	s.keysMu.Lock()
	defer s.keysMu.Unlock()
	if s.keyLoads == nil {
		s.keyLoads = map[string]*sync.Mutex{}
	}
	m, ok := s.keyLoads[poolID]
	if !ok {
		m = &sync.Mutex{}
		s.keyLoads[poolID] = m
	}
	return m
}

func (s *Service) loadKeys(ctx context.Context, poolID string, now time.Time) (token.KeySet, error) {
	records, err := s.store.ListKeys(ctx, poolID)
	if err != nil {
		return token.KeySet{}, err
	}
	records, _ = liveRecords(records, now)
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
	created := false
	for _, use := range []string{token.UseID, token.UseAccess} {
		if have[use] {
			continue
		}
		if _, err := s.createKey(ctx, poolID, use, now); err != nil {
			return token.KeySet{}, err
		}
		created = true
	}
	if created {
		// Read back what is stored: another replica may have created keys
		// for this pool at the same moment, and every replica must sign
		// with, and publish, the same set.
		if records, err = s.store.ListKeys(ctx, poolID); err != nil {
			return token.KeySet{}, err
		}
		records, _ = liveRecords(records, now)
		if keys, err = s.openKeys(records); err != nil {
			return token.KeySet{}, err
		}
	}
	return token.NewKeySet(keys, now)
}

// liveRecords splits off the keys retired more than token.RetiredKeyTTL
// before now: no longer trusted, so not even unsealed. The store keeps
// them (it has no way to delete a key); every rotation adds to them.
func liveRecords(records []store.KeyRecord, now time.Time) (live []store.KeyRecord, expired []string) {
	live = records[:0:0]
	for _, r := range records {
		if !(token.Key{RetiredAt: r.RetiredAt}).Live(now) {
			expired = append(expired, r.KeyID)
			continue
		}
		live = append(live, r)
	}
	return live, expired
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

// createKey makes and stores a key of use that signs from activeFrom on
// (its CreatedAt): now for a pool's first keys, later for a rotation's.
func (s *Service) createKey(ctx context.Context, poolID, use string, activeFrom time.Time) (token.Key, error) {
	k, err := token.GenerateKey(s.rand, use, activeFrom)
	if err != nil {
		return token.Key{}, err
	}
	raw, err := token.MarshalKey(k)
	if err != nil {
		return token.Key{}, err
	}
	err = s.store.CreateKey(ctx, store.KeyRecord{
		PoolID: poolID, KeyID: k.ID, Use: use, CreatedAt: k.CreatedAt,
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
