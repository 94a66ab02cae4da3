package identitypool

import (
	"context"
	"errors"
	"strings"

	"github.com/incognito-idp/incognito/internal/store"
)

// MergeInput is MergeDeveloperIdentities' request.
type MergeInput struct {
	Source, Destination *string
	ProviderName        *string
	PoolID              *string
}

// MergeDeveloper is MergeDeveloperIdentities: the source user's identity
// is merged into the destination user's, which keeps its ID and gains
// every login of the source; the source identity is deleted. Two users of
// the same public provider cannot be merged.
func (s *Service) MergeDeveloper(ctx context.Context, in MergeInput) (string, error) {
	var v validation
	v.reqStr("sourceUserIdentifier", in.Source, 1, 1024, nil, "")
	v.reqStr("destinationUserIdentifier", in.Destination, 1, 1024, nil, "")
	v.reqStr("developerProviderName", in.ProviderName, 1, 128, patDeveloperName, reDeveloperText)
	v.poolID("identityPoolId", in.PoolID)
	if err := v.err(); err != nil {
		return "", err
	}
	pool, err := s.loadPool(ctx, *in.PoolID)
	if err != nil {
		return "", err
	}
	if pool.DeveloperProviderName != *in.ProviderName {
		return "", Errorf(InvalidParameter, "Developer provider %s is not the identity pool's.", *in.ProviderName)
	}
	find := func(user string) (store.IdentityRecord, error) {
		r, err := s.store.GetIdentityByKey(ctx, pool.ID, developerKey(pool.DeveloperProviderName, user))
		if errors.Is(err, store.ErrNotFound) {
			return r, Errorf(ResourceNotFound, "Developer user %s not found.", user)
		}
		return r, err
	}
	src, err := find(*in.Source)
	if err != nil {
		return "", err
	}
	dst, err := find(*in.Destination)
	if err != nil {
		return "", err
	}
	if src.ID == dst.ID {
		return dst.ID, nil
	}
	for _, p := range src.Logins {
		if p != pool.DeveloperProviderName && contains(dst.Logins, p) {
			return "", Errorf(ResourceConflict, "Both identities have logins from %s; they cannot be merged.", p)
		}
	}
	return dst.ID, s.moveKeys(ctx, src, dst.ID)
}

// moveKeys empties src, gives its keys and logins to dst, and deletes src.
// The store updates one identity per transaction, so the keys are first
// taken from src (freeing them) and put back should dst refuse them.
func (s *Service) moveKeys(ctx context.Context, src store.IdentityRecord, dstID string) error {
	var keys, logins []string
	err := s.store.UpdateIdentity(ctx, src.ID, func(cur store.IdentityRecord) (store.IdentityRecord, error) {
		keys, logins = cur.Keys, cur.Logins
		cur.Keys, cur.Logins = []string{}, []string{}
		return cur, nil
	})
	if err != nil {
		return err
	}
	err = s.store.UpdateIdentity(ctx, dstID, func(cur store.IdentityRecord) (store.IdentityRecord, error) {
		for _, k := range keys {
			cur.Keys = addUnique(cur.Keys, k)
		}
		for _, l := range logins {
			cur.Logins = addUnique(cur.Logins, l)
		}
		d := readIdentityData(cur)
		d.Authenticated = true
		cur.Data = writeIdentityData(d)
		cur.UpdatedAt = s.now()
		return cur, nil
	})
	if err != nil {
		restore := s.store.UpdateIdentity(ctx, src.ID, func(cur store.IdentityRecord) (store.IdentityRecord, error) {
			cur.Keys, cur.Logins = keys, logins
			return cur, nil
		})
		if restore != nil {
			s.log.Error("merging identities: could not give the source its logins back", "identity", src.ID, "err", restore)
		}
		return err
	}
	if err := s.store.DeleteIdentity(ctx, src.ID); err != nil && !errors.Is(err, store.ErrNotFound) {
		return err
	}
	return nil
}

// UnlinkDeveloperInput is UnlinkDeveloperIdentity's request.
type UnlinkDeveloperInput struct {
	IdentityID, PoolID, ProviderName, DeveloperUser *string
}

// UnlinkDeveloper is UnlinkDeveloperIdentity: the developer user no longer
// reaches the identity. An identity left without logins is disabled.
func (s *Service) UnlinkDeveloper(ctx context.Context, in UnlinkDeveloperInput) error {
	var v validation
	v.identityID("identityId", in.IdentityID)
	v.poolID("identityPoolId", in.PoolID)
	v.reqStr("developerProviderName", in.ProviderName, 1, 128, patDeveloperName, reDeveloperText)
	v.reqStr("developerUserIdentifier", in.DeveloperUser, 1, 1024, nil, "")
	if err := v.err(); err != nil {
		return err
	}
	pool, err := s.loadPool(ctx, *in.PoolID)
	if err != nil {
		return err
	}
	if pool.DeveloperProviderName != *in.ProviderName {
		return Errorf(InvalidParameter, "Developer provider %s is not the identity pool's.", *in.ProviderName)
	}
	rec, err := s.loadIdentity(ctx, *in.IdentityID)
	if err != nil {
		return err
	}
	key := developerKey(pool.DeveloperProviderName, *in.DeveloperUser)
	if rec.PoolID != pool.ID || !contains(rec.Keys, key) {
		return Errorf(ResourceNotFound, "Developer user %s is not linked to identity %s.", *in.DeveloperUser, *in.IdentityID)
	}
	return s.unlinkKeys(ctx, rec.ID, func(k string) bool { return k == key })
}

// unlinkKeys drops the identity's keys that match, and the provider names
// no key of which remains.
func (s *Service) unlinkKeys(ctx context.Context, id string, drop func(key string) bool) error {
	return s.store.UpdateIdentity(ctx, id, func(cur store.IdentityRecord) (store.IdentityRecord, error) {
		keys := cur.Keys[:0:0]
		for _, k := range cur.Keys {
			if !drop(k) {
				keys = append(keys, k)
			}
		}
		logins := cur.Logins[:0:0]
		for _, p := range cur.Logins {
			for _, k := range keys {
				if strings.HasPrefix(k, p+"|") || strings.HasPrefix(k, "dev|"+p+"|") {
					logins = append(logins, p)
					break
				}
			}
		}
		cur.Keys, cur.Logins, cur.UpdatedAt = keys, logins, s.now()
		return cur, nil
	})
}
