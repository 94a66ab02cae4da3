package userpool

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/incognito-idp/incognito/internal/store"
)

// Unique claims a user holds in its pool (store.UserRecord.Claims):
//
//	sub:<uuid>                    always
//	alias:email:<address>         email as username, or a verified email alias
//	alias:phone_number:<number>   the same for phone numbers
//	alias:preferred_username:<v>  a preferred_username alias (verified or not)
//
// Emails and preferred usernames are lower-cased in case-insensitive pools.
const (
	claimSub   = "sub:"
	claimAlias = "alias:"
)

// extraUsernameAttribute records, in UserPrivate.Extra, which attribute a
// user of an email/phone-as-username pool gave as its username.
const extraUsernameAttribute = "username_attribute"

// newSub returns a random (version 4) UUID read from rand.
func newSub(rand io.Reader) (string, error) {
	var b [16]byte
	if _, err := io.ReadFull(rand, b[:]); err != nil {
		return "", fmt.Errorf("userpool: reading randomness: %w", err)
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:], nil
}

// userKey is the store key of a username: lower-cased in case-insensitive
// pools, as given otherwise.
func userKey(pool *Pool, username string) string {
	if pool.UsernameCaseSensitive {
		return username
	}
	return strings.ToLower(username)
}

// aliasClaim is the claim an alias value takes in pool.
func aliasClaim(pool *Pool, attr, value string) string {
	if attr != AttrPhoneNumber && !pool.UsernameCaseSensitive {
		value = strings.ToLower(value)
	}
	return claimAlias + attr + ":" + value
}

// userClaims lists the unique claims u must hold in pool.
func userClaims(pool *Pool, u *User) []string {
	claims := []string{claimSub + u.Sub}
	for _, attr := range []string{AttrEmail, AttrPhoneNumber, AttrPreferredUsername} {
		value := u.Attributes[attr]
		if value == "" {
			continue
		}
		verified := u.Attributes[attr+"_verified"] == "true"
		switch {
		case pool.UsesAsUsername(attr):
			// The attribute given as username identifies the user whether
			// verified or not; another username attribute once verified.
			if verified || u.Private.Extra[extraUsernameAttribute] == attr {
				claims = append(claims, aliasClaim(pool, attr, value))
			}
		case pool.HasAlias(attr):
			if verified || attr == AttrPreferredUsername {
				claims = append(claims, aliasClaim(pool, attr, value))
			}
		}
	}
	return claims
}

// conflictError turns a store conflict into Cognito's error for it.
func conflictError(pool *Pool, err error) error {
	var c *store.ConflictError
	if !errors.As(err, &c) {
		if errors.Is(err, store.ErrAlreadyExists) {
			return Errorf(UsernameExists, "User account already exists")
		}
		return err
	}
	rest, ok := strings.CutPrefix(c.Claim, claimAlias)
	if !ok {
		return Errorf(UsernameExists, "User account already exists")
	}
	attr, _, _ := strings.Cut(rest, ":")
	if pool.UsesAsUsername(attr) {
		return Errorf(UsernameExists, "An account with the given %s already exists.", attr)
	}
	return Errorf(AliasExists, "An account with the given %s already exists.", attr)
}

// sealAD is the associated data binding a user's sealed state to its row.
func sealAD(poolID, key string) []byte { return []byte(poolID + "/" + key) }

// toRecord turns a user into its store row, sealing its private state.
func (s *Service) toRecord(pool *Pool, u *User) (store.UserRecord, error) {
	priv, err := json.Marshal(u.Private)
	if err != nil {
		return store.UserRecord{}, err
	}
	if s.sealer == nil {
		return store.UserRecord{}, errors.New("userpool: no sealer configured")
	}
	return store.UserRecord{
		PoolID: u.PoolID, Key: u.Key, Username: u.Username, Sub: u.Sub,
		Status: u.Status, Enabled: u.Enabled, CreatedAt: u.CreatedAt, UpdatedAt: u.UpdatedAt,
		Attributes: u.Attributes, Claims: userClaims(pool, u),
		Data: s.sealer.Seal(priv, sealAD(u.PoolID, u.Key)),
	}, nil
}

// fromRecord turns a store row into a user, opening its private state.
func (s *Service) fromRecord(rec store.UserRecord) (*User, error) {
	u := &User{
		PoolID: rec.PoolID, Key: rec.Key, Username: rec.Username, Sub: rec.Sub,
		Status: rec.Status, Enabled: rec.Enabled, CreatedAt: rec.CreatedAt, UpdatedAt: rec.UpdatedAt,
		Attributes: rec.Attributes,
	}
	if u.Attributes == nil {
		u.Attributes = map[string]string{}
	}
	if len(rec.Data) > 0 {
		if s.sealer == nil {
			return nil, errors.New("userpool: no sealer configured")
		}
		plain, err := s.sealer.Open(rec.Data, sealAD(rec.PoolID, rec.Key))
		if err != nil {
			return nil, fmt.Errorf("userpool: opening user %s/%s: %w", rec.PoolID, rec.Key, err)
		}
		if err := json.Unmarshal(plain, &u.Private); err != nil {
			return nil, fmt.Errorf("userpool: decoding user %s/%s: %w", rec.PoolID, rec.Key, err)
		}
	}
	return u, nil
}

// updateUser runs change on the latest version of u's row inside the
// store's transaction and writes the result, claims included. It returns
// the user as written.
func (s *Service) updateUser(ctx context.Context, pool *Pool, u *User, change func(*User) error) (*User, error) {
	return s.updateUserState(ctx, pool, u, true, change)
}

// updateUserState is updateUser; touch says whether the change is one the
// user's UserLastModifiedDate shows (attributes, password, status) rather
// than bookkeeping such as lockout counters and code attempts.
func (s *Service) updateUserState(ctx context.Context, pool *Pool, u *User, touch bool, change func(*User) error) (*User, error) {
	var out *User
	err := s.store.UpdateUser(ctx, u.PoolID, u.Key, func(rec store.UserRecord) (store.UserRecord, error) {
		cur, err := s.fromRecord(rec)
		if err != nil {
			return rec, err
		}
		if err := change(cur); err != nil {
			return rec, err
		}
		if touch {
			cur.UpdatedAt = s.now()
		}
		next, err := s.toRecord(pool, cur)
		if err != nil {
			return rec, err
		}
		out = cur
		return next, nil
	})
	if errors.Is(err, store.ErrNotFound) {
		return nil, errUserNotFound()
	}
	if err != nil {
		return nil, conflictError(pool, err)
	}
	return out, nil
}

func errUserNotFound() error { return Errorf(UserNotFound, "User does not exist.") }
