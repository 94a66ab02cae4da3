package userindex

import "github.com/incognito-idp/incognito/internal/store"

// Batch prepares users for store.CreateUsers: it returns a copy of us with
// every user's Claims in Claims form, or the first clash inside the batch
// itself, which the database would not report the way CreateUser does: a
// pool and key that come twice (store.ErrAlreadyExists), or a claim of a
// pool that two users hold (*store.ConflictError naming the earlier one).
// Clashes with users already stored are left to the database.
func Batch(us []store.UserRecord) ([]store.UserRecord, error) {
	type poolKey struct{ pool, key string }
	out := make([]store.UserRecord, len(us))
	keys := make(map[poolKey]struct{}, len(us))
	claims := make(map[poolKey]string, len(us))
	for i, u := range us {
		k := poolKey{u.PoolID, u.Key}
		if _, dup := keys[k]; dup {
			return nil, store.ErrAlreadyExists
		}
		keys[k] = struct{}{}
		u.Claims = Claims(u.Claims)
		for _, c := range u.Claims {
			ck := poolKey{u.PoolID, c}
			if owner, held := claims[ck]; held {
				return nil, &store.ConflictError{Claim: c, Owner: owner}
			}
			claims[ck] = u.Key
		}
		out[i] = u
	}
	return out, nil
}
