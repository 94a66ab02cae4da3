package authflow

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/incognito-idp/incognito/internal/store"
	"github.com/incognito-idp/incognito/internal/token"
	"github.com/incognito-idp/incognito/internal/userpool"
)

// DefaultKeyActivation is how long a rotation publishes its new keys
// before they sign. It must exceed KeyCacheTTL, so that every replica has
// reloaded its key set, and leave relying parties that cache the JWKS for
// a few minutes time to fetch it again, before any token signed with a new
// key reaches them.
const DefaultKeyActivation = 5 * time.Minute

// RotatedKey is what a rotation did to one use (ID or access) of a pool.
type RotatedKey struct {
	Use string // token.UseID or token.UseAccess
	// Replaced are the keys that stop signing at ActiveFrom (normally
	// one). They keep verifying, and stay in the JWKS, until
	// token.RetiredKeyTTL after it, by when every token they signed has
	// expired.
	Replaced []string
	NewKeyID string
	// ActiveFrom is when the new key starts to sign. It is in the JWKS
	// from the rotation on.
	ActiveFrom time.Time
}

// KeyRotation reports RotateKeys.
type KeyRotation struct {
	PoolID string
	// Keys has one entry per use rotated; it is empty for a pool that has
	// no keys yet (they are made when it first signs a token).
	Keys []RotatedKey
	// Expired are keys retired more than token.RetiredKeyTTL ago: no
	// longer published nor trusted. Their rows stay in the store, which
	// has no way to delete a key; every load leaves them out.
	Expired []string
}

// RotateKeys gives the pool a new ID key and a new access key that sign
// from now+activateAfter on, and retires the keys they replace at that
// same moment, so that at every instant exactly one key per use signs. The
// new keys are published in the JWKS at once; the replaced ones go on
// verifying, and stay published, for token.RetiredKeyTTL after they stop
// signing. This replica's cached key set is reloaded at once; other
// replicas see the change within KeyCacheTTL (or at once when a token
// names a key they do not know), which is why activateAfter should be at
// least DefaultKeyActivation outside tests.
//
// Every live key of the pool is opened first, so a wrong master key fails
// before anything is written. An unknown pool is Cognito's
// ResourceNotFoundException.
func (s *Service) RotateKeys(ctx context.Context, poolID string, activateAfter time.Duration) (*KeyRotation, error) {
	if activateAfter < 0 {
		return nil, fmt.Errorf("authflow: key activation delay %v is negative", activateAfter)
	}
	if _, err := s.pools.GetPool(ctx, poolID); err != nil {
		return nil, err
	}
	// No load of this pool's keys on this replica may interleave with the
	// rotation and cache what was there before it.
	lock := s.poolLoadLock(poolID)
	lock.Lock()
	defer lock.Unlock()

	now := s.now()
	activeFrom := now.Add(activateAfter)
	records, err := s.store.ListKeys(ctx, poolID)
	if err != nil {
		return nil, keyStoreError(err, poolID)
	}
	rot := &KeyRotation{PoolID: poolID}
	records, rot.Expired = liveRecords(records, now)
	keys, err := s.openKeys(records)
	if err != nil {
		return nil, err
	}
	for _, use := range []string{token.UseID, token.UseAccess} {
		r, err := s.rotateUse(ctx, poolID, use, keys, activeFrom)
		if err != nil {
			return nil, err
		}
		if r != nil {
			rot.Keys = append(rot.Keys, *r)
		}
	}
	if len(rot.Keys) == 0 {
		return rot, nil
	}
	set, err := s.loadKeys(ctx, poolID, now)
	if err != nil {
		return nil, err
	}
	s.keysMu.Lock()
	s.keys[poolID] = &poolKeys{set: set, loadedAt: now}
	s.keysMu.Unlock()
	return rot, nil
}

// rotateUse adds the successor of use's keys and retires, at activeFrom,
// every key of use that would otherwise still sign after it: the current
// one, and a successor from an earlier rotation not yet active. The new
// key is stored first, so a failure in between leaves a pool with one
// signer too many (the newest wins), never none. A use without keys is
// left alone (nil): its first key is made on first use.
func (s *Service) rotateUse(ctx context.Context, poolID, use string, keys []token.Key, activeFrom time.Time) (*RotatedKey, error) {
	var replaced []string
	found := false
	for _, k := range keys {
		if k.Use != use {
			continue
		}
		found = true
		if retiresAfter(k.RetiredAt, activeFrom) {
			replaced = append(replaced, k.ID)
		}
	}
	if !found {
		return nil, nil
	}
	k, err := s.createKey(ctx, poolID, use, activeFrom)
	if err != nil {
		return nil, keyStoreError(err, poolID)
	}
	for _, kid := range replaced {
		err := s.store.UpdateKey(ctx, poolID, kid, func(r store.KeyRecord) (store.KeyRecord, error) {
			// Another rotation may have got there first with an earlier
			// moment; keep the earlier one.
			if retiresAfter(r.RetiredAt, activeFrom) {
				r.RetiredAt = &activeFrom
			}
			return r, nil
		})
		if err != nil {
			return nil, keyStoreError(err, poolID)
		}
	}
	return &RotatedKey{Use: use, Replaced: replaced, NewKeyID: k.ID, ActiveFrom: k.CreatedAt}, nil
}

// retiresAfter reports whether a key retired at retiredAt (nil: not
// retired) would still sign after t.
func retiresAfter(retiredAt *time.Time, t time.Time) bool {
	return retiredAt == nil || retiredAt.After(t)
}

// keyStoreError turns the store's missing pool (deleted meanwhile) into
// Cognito's answer.
func keyStoreError(err error, poolID string) error {
	if errors.Is(err, store.ErrNotFound) {
		return userpool.Errorf(userpool.ResourceNotFound, "User pool %s does not exist.", poolID)
	}
	return err
}
