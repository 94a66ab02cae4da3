package identitypool

import (
	"context"
	"errors"

	"github.com/incognito-idp/incognito/internal/store"
)

// GetIDInput is GetId's request.
type GetIDInput struct {
	AccountID *string
	PoolID    *string
	Logins    map[string]string
}

// GetID is GetId: without logins a new guest identity (when the pool
// allows guests); with logins, the identity those logins already have, or
// a new one holding them. Several logins are linked to one identity.
func (s *Service) GetID(ctx context.Context, in GetIDInput) (string, error) {
	var v validation
	v.optStr("accountId", in.AccountID, 1, 15, patAccountID, reAccountIDText)
	v.poolID("identityPoolId", in.PoolID)
	v.logins("logins", in.Logins)
	if err := v.err(); err != nil {
		return "", err
	}
	pool, err := s.loadPool(ctx, *in.PoolID)
	if err != nil {
		return "", err
	}
	if len(in.Logins) == 0 {
		if !pool.AllowUnauthenticated {
			return "", errUnauthDisabled()
		}
		r, err := s.newIdentity(ctx, pool.ID, nil)
		return r.ID, err
	}
	logins, err := s.verifyLogins(ctx, pool, in.Logins, false)
	if err != nil {
		return "", err
	}
	r, err := s.identityFor(ctx, pool, logins)
	return r.ID, err
}

// identityFor finds or creates the one identity the logins speak for and
// links to it the logins it lacks.
func (s *Service) identityFor(ctx context.Context, pool *Pool, logins []login) (store.IdentityRecord, error) {
	for attempt := 0; ; attempt++ {
		r, err := s.findOrCreate(ctx, pool, logins)
		var conflict *store.ConflictError
		if errors.As(err, &conflict) && attempt == 0 {
			continue // another request took a key first: look again
		}
		if errors.As(err, &conflict) {
			return store.IdentityRecord{}, Errorf(ResourceConflict, "The logins are linked to different identities.")
		}
		return r, err
	}
}

func (s *Service) findOrCreate(ctx context.Context, pool *Pool, logins []login) (store.IdentityRecord, error) {
	var found *store.IdentityRecord
	take := func(r store.IdentityRecord) error {
		if r.PoolID != pool.ID {
			return errLoginsDontMatch()
		}
		if found != nil && found.ID != r.ID {
			return Errorf(ResourceConflict, "The logins are linked to different identities.")
		}
		found = &r
		return nil
	}
	for _, l := range logins {
		var r store.IdentityRecord
		var err error
		if l.IdentityID != "" {
			r, err = s.store.GetIdentity(ctx, l.IdentityID)
		} else {
			r, err = s.store.GetIdentityByKey(ctx, pool.ID, l.Key)
		}
		if errors.Is(err, store.ErrNotFound) {
			if l.IdentityID != "" {
				return store.IdentityRecord{}, errIdentityNotFound(l.IdentityID)
			}
			continue
		}
		if err != nil {
			return store.IdentityRecord{}, err
		}
		if err := take(r); err != nil {
			return store.IdentityRecord{}, err
		}
	}
	if found == nil {
		return s.newIdentity(ctx, pool.ID, logins)
	}
	return s.link(ctx, *found, logins)
}

// authorize loads an identity and its pool and checks that the logins
// speak for it: a guest needs none (and a pool that allows guests); an
// identity that has had logins needs at least one of them, or one of our
// tokens minted for it. Logins it does not hold yet are linked to it,
// unless another identity holds them.
func (s *Service) authorize(ctx context.Context, identityID string, loginMap map[string]string) (*Pool, store.IdentityRecord, []login, error) {
	rec, err := s.loadIdentity(ctx, identityID)
	if err != nil {
		return nil, rec, nil, err
	}
	pool, err := s.loadPool(ctx, rec.PoolID)
	if err != nil {
		return nil, rec, nil, err
	}
	wasUser := readIdentityData(rec).Authenticated
	if len(loginMap) == 0 {
		if wasUser {
			return nil, rec, nil, errLoginsDontMatch()
		}
		if !pool.AllowUnauthenticated {
			return nil, rec, nil, errUnauthDisabled()
		}
		return pool, rec, nil, nil
	}
	logins, err := s.verifyLogins(ctx, pool, loginMap, false)
	if err != nil {
		return nil, rec, nil, err
	}
	proven := false
	// mergedGuest is a guest identity that signs in as a user who already
	// has an identity: as Cognito does ("switching unauthenticated users
	// to authenticated users"), the user's identity is the answer and the
	// guest identity merges into it.
	mergedGuest := ""
	for _, l := range logins {
		if l.IdentityID != "" {
			if l.IdentityID != rec.ID || (wasUser && !contains(l.AMR, amrAuthenticated)) {
				return nil, rec, nil, errLoginsDontMatch()
			}
			proven = true
			continue
		}
		holder, err := s.store.GetIdentityByKey(ctx, pool.ID, l.Key)
		switch {
		case errors.Is(err, store.ErrNotFound):
		case err != nil:
			return nil, rec, nil, err
		case holder.ID != rec.ID:
			if wasUser || mergedGuest != "" || proven {
				return nil, rec, nil, errLoginsDontMatch()
			}
			mergedGuest, rec, proven = rec.ID, holder, true
			wasUser = readIdentityData(holder).Authenticated
		default:
			proven = true
		}
	}
	if wasUser && !proven {
		return nil, rec, nil, errLoginsDontMatch()
	}
	if !authenticated(logins) && !pool.AllowUnauthenticated {
		return nil, rec, nil, errUnauthDisabled()
	}
	rec, err = s.link(ctx, rec, logins)
	var conflict *store.ConflictError
	if errors.As(err, &conflict) {
		return nil, rec, nil, errLoginsDontMatch()
	}
	if err != nil {
		return nil, rec, nil, err
	}
	if mergedGuest != "" {
		if err := s.store.DeleteIdentity(ctx, mergedGuest); err != nil && !errors.Is(err, store.ErrNotFound) {
			return nil, rec, nil, err
		}
	}
	return pool, rec, logins, nil
}
