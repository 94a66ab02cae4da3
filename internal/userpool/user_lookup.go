package userpool

import (
	"context"
	"errors"

	"github.com/incognito-idp/incognito/internal/store"
)

// FindUser resolves the name a user signs in with: the username (the key
// is case-folded in case-insensitive pools), else an email address or
// phone number used as username, else a verified email or phone alias or a
// preferred_username alias, as the pool's settings allow. Unknown names
// answer UserNotFoundException "User does not exist.".
func (s *Service) FindUser(ctx context.Context, pool *Pool, name string) (*User, error) {
	u, err := s.userByKey(ctx, pool, userKey(pool, name))
	if !IsCode(err, UserNotFound) {
		return u, err
	}
	for _, attr := range aliasCandidates(pool, name) {
		u, err := s.userByClaim(ctx, pool.ID, aliasClaim(pool, attr, name))
		if !IsCode(err, UserNotFound) {
			return u, err
		}
	}
	return nil, errUserNotFound()
}

// GetUserBySub finds a user of a pool by its sub.
func (s *Service) GetUserBySub(ctx context.Context, poolID, sub string) (*User, error) {
	return s.userByClaim(ctx, poolID, claimSub+sub)
}

// resolveUser finds the user an administrator's Username names: as
// FindUser, and also by sub (AdminGetUser and friends accept all three).
func (s *Service) resolveUser(ctx context.Context, pool *Pool, name string) (*User, error) {
	u, err := s.FindUser(ctx, pool, name)
	if !IsCode(err, UserNotFound) {
		return u, err
	}
	return s.GetUserBySub(ctx, pool.ID, name)
}

// aliasCandidates lists the attributes name could be the value of.
func aliasCandidates(pool *Pool, name string) []string {
	var attrs []string
	usable := func(attr string) bool { return pool.UsesAsUsername(attr) || pool.HasAlias(attr) }
	if usable(AttrEmail) && IsEmail(name) {
		attrs = append(attrs, AttrEmail)
	}
	if usable(AttrPhoneNumber) && IsPhoneNumber(name) {
		attrs = append(attrs, AttrPhoneNumber)
	}
	if pool.HasAlias(AttrPreferredUsername) {
		attrs = append(attrs, AttrPreferredUsername)
	}
	return attrs
}

func (s *Service) userByKey(ctx context.Context, pool *Pool, key string) (*User, error) {
	rec, err := s.store.GetUser(ctx, pool.ID, key)
	if errors.Is(err, store.ErrNotFound) {
		return nil, errUserNotFound()
	}
	if err != nil {
		return nil, err
	}
	return s.fromRecord(rec)
}

func (s *Service) userByClaim(ctx context.Context, poolID, claim string) (*User, error) {
	rec, err := s.store.GetUserByClaim(ctx, poolID, claim)
	if errors.Is(err, store.ErrNotFound) {
		return nil, errUserNotFound()
	}
	if err != nil {
		return nil, err
	}
	return s.fromRecord(rec)
}

// poolAndUser loads the pool and resolves the user of an admin request.
func (s *Service) poolAndUser(ctx context.Context, ref UserRef) (*Pool, *User, error) {
	pool, err := s.loadPool(ctx, str(ref.PoolID))
	if err != nil {
		return nil, nil, err
	}
	u, err := s.resolveUser(ctx, pool, str(ref.Username))
	if err != nil {
		return nil, nil, err
	}
	return pool, u, nil
}
