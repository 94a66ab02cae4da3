package authflow

import (
	"context"
	"time"

	"github.com/incognito-idp/incognito/internal/token"
)

// Key states ListKeys reports, as seen at the Service's clock.
const (
	KeySigning = token.StateSigning // signs the pool's new tokens of its use
	KeyPending = token.StatePending // published; signs from ActiveFrom on
	KeyStandby = token.StateStandby // active but outranked by a newer key of its use
	KeyRetired = token.StateRetired // signs no more; verifies until VerifiesUntil
	KeyExpired = token.StateExpired // neither published nor trusted any more
)

// KeyInfo describes one signing key of a pool. It holds no key material.
type KeyInfo struct {
	KeyID string
	Use   string
	// ActiveFrom is the key's CreatedAt: when it started (or starts) to
	// sign.
	ActiveFrom time.Time
	// RetiredAt is when it stopped (or stops) signing; nil while no
	// rotation has replaced it.
	RetiredAt *time.Time
	// VerifiesUntil is RetiredAt plus token.RetiredKeyTTL; zero while
	// RetiredAt is nil.
	VerifiesUntil time.Time
	State         string
}

// ListKeys lists the pool's stored signing keys, oldest first, with their
// state now. It opens every live key, so it also proves that the master key
// in use is the one the keys were sealed with; it creates none.
func (s *Service) ListKeys(ctx context.Context, poolID string) ([]KeyInfo, error) {
	if _, err := s.pools.GetPool(ctx, poolID); err != nil {
		return nil, err
	}
	records, err := s.store.ListKeys(ctx, poolID)
	if err != nil {
		return nil, keyStoreError(err, poolID)
	}
	now := s.now()
	out := make([]KeyInfo, 0, len(records))
	for _, r := range records {
		info := KeyInfo{KeyID: r.KeyID, Use: r.Use, ActiveFrom: r.CreatedAt, RetiredAt: r.RetiredAt}
		if r.RetiredAt != nil {
			info.VerifiesUntil = r.RetiredAt.Add(token.RetiredKeyTTL)
		}
		out = append(out, info)
	}
	live, _ := liveRecords(records, now)
	keys, err := s.openKeys(live)
	if err != nil {
		return nil, err
	}
	set, err := token.NewKeySet(keys, now)
	if err != nil {
		return nil, err
	}
	for i, k := range out {
		out[i].State = set.State(token.Key{ID: k.KeyID, Use: k.Use, CreatedAt: k.ActiveFrom, RetiredAt: k.RetiredAt}, now)
	}
	return out, nil
}
