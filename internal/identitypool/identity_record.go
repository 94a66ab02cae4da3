package identitypool

import (
	"context"
	"encoding/json"
	"errors"
	"slices"

	"github.com/incognito-idp/incognito/internal/store"
)

// identityData is what an identity keeps in IdentityRecord.Data.
type identityData struct {
	// Authenticated is set once the identity has had a login: from then on
	// it is never a guest again, even with every login unlinked.
	Authenticated bool `json:"authenticated,omitempty"`
}

func readIdentityData(r store.IdentityRecord) identityData {
	var d identityData
	if len(r.Data) > 0 {
		_ = json.Unmarshal(r.Data, &d) // written only by us; a bad blob reads as a guest
	}
	return d
}

func writeIdentityData(d identityData) []byte {
	b, _ := json.Marshal(d) // a struct of bools cannot fail to encode
	return b
}

func identityFromRecord(r store.IdentityRecord) *Identity {
	d := readIdentityData(r)
	return &Identity{
		ID: r.ID, PoolID: r.PoolID, Logins: slices.Clone(r.Logins),
		CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt,
		Disabled: d.Authenticated && len(r.Keys) == 0,
	}
}

// loadIdentity reads an identity by an ID already checked for shape.
func (s *Service) loadIdentity(ctx context.Context, id string) (store.IdentityRecord, error) {
	r, err := s.store.GetIdentity(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return r, errIdentityNotFound(id)
	}
	return r, err
}

// newIdentity creates an identity holding keys (none for a guest).
func (s *Service) newIdentity(ctx context.Context, poolID string, logins []login) (store.IdentityRecord, error) {
	id, err := s.newID()
	if err != nil {
		return store.IdentityRecord{}, err
	}
	now := s.now()
	r := store.IdentityRecord{PoolID: poolID, ID: id, CreatedAt: now, UpdatedAt: now, Logins: []string{}, Keys: []string{}}
	for _, l := range logins {
		if l.Key != "" {
			r.Keys = addUnique(r.Keys, l.Key)
			r.Logins = addUnique(r.Logins, l.Provider)
		}
	}
	r.Data = writeIdentityData(identityData{Authenticated: len(r.Keys) > 0})
	if err := s.store.CreateIdentity(ctx, r); err != nil {
		return store.IdentityRecord{}, err
	}
	return r, nil
}

// link gives the identity the keys of logins it does not hold yet. A key
// another identity took in the meantime fails with *store.ConflictError.
func (s *Service) link(ctx context.Context, r store.IdentityRecord, logins []login) (store.IdentityRecord, error) {
	var add []login
	for _, l := range logins {
		if l.Key != "" && !contains(r.Keys, l.Key) {
			add = append(add, l)
		}
	}
	if len(add) == 0 {
		return r, nil
	}
	var out store.IdentityRecord
	err := s.store.UpdateIdentity(ctx, r.ID, func(cur store.IdentityRecord) (store.IdentityRecord, error) {
		for _, l := range add {
			cur.Keys = addUnique(cur.Keys, l.Key)
			cur.Logins = addUnique(cur.Logins, l.Provider)
		}
		d := readIdentityData(cur)
		d.Authenticated = true
		cur.Data = writeIdentityData(d)
		cur.UpdatedAt = s.now()
		out = cur
		return cur, nil
	})
	return out, err
}
