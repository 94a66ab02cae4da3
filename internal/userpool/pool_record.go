package userpool

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/incognito-idp/incognito/internal/store"
)

// poolNotFound is Cognito's answer for an unknown pool.
func poolNotFound(id string) error {
	return Errorf(ResourceNotFound, "User pool %s does not exist.", id)
}

func poolFromRecord(r store.PoolRecord) (*Pool, error) {
	p := &Pool{}
	if err := json.Unmarshal(r.Data, p); err != nil {
		return nil, fmt.Errorf("userpool: decoding pool %s: %w", r.ID, err)
	}
	p.ID, p.Name, p.CreatedAt, p.UpdatedAt = r.ID, r.Name, r.CreatedAt, r.UpdatedAt
	return p, nil
}

func poolToRecord(p *Pool) (store.PoolRecord, error) {
	data, err := json.Marshal(p)
	if err != nil {
		return store.PoolRecord{}, fmt.Errorf("userpool: encoding pool %s: %w", p.ID, err)
	}
	return store.PoolRecord{ID: p.ID, Name: p.Name, CreatedAt: p.CreatedAt, UpdatedAt: p.UpdatedAt, Data: data}, nil
}

// GetPool returns the pool with its settings, or a ResourceNotFoundException
// naming it. Sign-in and the other features read pools through it.
func (s *Service) GetPool(ctx context.Context, id string) (*Pool, error) {
	r, err := s.store.GetPool(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		s.poolCache.forget(id)
		return nil, poolNotFound(id)
	}
	if err != nil {
		return nil, err
	}
	if p, ok := s.poolCache.get(r); ok {
		return p, nil
	}
	p, err := poolFromRecord(r)
	if err != nil {
		return nil, err
	}
	return s.poolCache.put(r, p), nil
}

// updatePool runs f on the latest version of the pool inside the store's
// transaction and writes the result with a new LastModifiedDate.
func (s *Service) updatePool(ctx context.Context, id string, f func(p *Pool) error) (*Pool, error) {
	var out *Pool
	err := s.store.UpdatePool(ctx, id, func(r store.PoolRecord) (store.PoolRecord, error) {
		p, err := poolFromRecord(r)
		if err != nil {
			return r, err
		}
		if err := f(p); err != nil {
			return r, err
		}
		p.UpdatedAt = s.now()
		out = p
		return poolToRecord(p)
	})
	if errors.Is(err, store.ErrNotFound) {
		return nil, poolNotFound(id)
	}
	return out, err
}
