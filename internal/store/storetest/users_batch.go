package storetest

import (
	"errors"
	"fmt"
	"testing"

	"github.com/incognito-idp/incognito/internal/store"
)

// batchUsers builds n users of pool named prefix0000, prefix0001, ..., each
// with an email and a name, holding "sub:" and "email:" claims.
func batchUsers(pool, prefix string, n int) []store.UserRecord {
	us := make([]store.UserRecord, n)
	for i := range us {
		key := fmt.Sprintf("%s%04d", prefix, i)
		us[i] = newUser(pool, key, "email", key+"@example.com", "name", "Name "+key)
		us[i].Claims = append(us[i].Claims, "email:"+key+"@example.com")
	}
	return us
}

// testCreateUsers: a batch is written whole, claims and search index
// included, and a batch with any clash writes nothing. Batches of over a
// thousand users cross the backends' statement sizes.
func testCreateUsers(t *testing.T, s store.Store) {
	ctx := t.Context()
	pool, other := newPool(t, s), newPool(t, s)
	ada := newUser(pool, "ada", "email", "ada@example.com")
	ada.Claims = append(ada.Claims, "email:ada@example.com")
	createUsers(t, s, ada)

	count := func(t *testing.T, pool string, want int64) {
		t.Helper()
		n, err := s.CountUsers(ctx, pool)
		wantErr(t, "CountUsers", err, nil)
		if n != want {
			t.Errorf("CountUsers = %d, want %d", n, want)
		}
	}
	list := func(t *testing.T, pool string, f store.UserFilter) []string {
		t.Helper()
		us, err := s.ListUsers(ctx, pool, f, store.Page{})
		wantErr(t, "ListUsers", err, nil)
		return userKeys(us)
	}
	byClaim := func(t *testing.T, pool, claim, want string) {
		t.Helper()
		u, err := s.GetUserByClaim(ctx, pool, claim)
		if want == "" {
			wantErr(t, "GetUserByClaim("+claim+")", err, store.ErrNotFound)
			return
		}
		wantErr(t, "GetUserByClaim("+claim+")", err, nil)
		if u.Key != want {
			t.Errorf("GetUserByClaim(%q) = %q, want %q", claim, u.Key, want)
		}
	}

	t.Run("empty batch", func(t *testing.T) {
		wantErr(t, "CreateUsers(nil)", s.CreateUsers(ctx, nil), nil)
		count(t, pool, 1)
	})

	t.Run("clashes write nothing", func(t *testing.T) {
		held := batchUsers(pool, "x", 3)
		held[1].Claims = append(held[1].Claims, "email:ada@example.com")
		twice := batchUsers(pool, "x", 3)
		twice[0].Claims = append(twice[0].Claims, "email:shared")
		twice[2].Claims = append(twice[2].Claims, "email:shared")
		adaAgain := newUser(pool, "ada") // the key only: its claims are its own
		adaAgain.Sub, adaAgain.Claims = "sub-ada-again", []string{"sub:sub-ada-again"}
		late := batchUsers(pool, "x", 1200)
		late[1199].Claims = append(late[1199].Claims, "email:ada@example.com")
		tests := []struct {
			name     string
			batch    []store.UserRecord
			err      error
			conflict *store.ConflictError // when the error must be one
		}{
			{"claim held by a stored user", held, store.ErrAlreadyExists, &store.ConflictError{Claim: "email:ada@example.com", Owner: "ada"}},
			{"claim twice in the batch", twice, store.ErrAlreadyExists, &store.ConflictError{Claim: "email:shared", Owner: "x0000"}},
			{"claim held, last of a large batch", late, store.ErrAlreadyExists, &store.ConflictError{Claim: "email:ada@example.com", Owner: "ada"}},
			{"key that exists", append(batchUsers(pool, "x", 2), adaAgain), store.ErrAlreadyExists, nil},
			{"key twice in the batch", append(batchUsers(pool, "x", 2), newUser(pool, "x0000")), store.ErrAlreadyExists, nil},
			{"missing pool", append(batchUsers(pool, "x", 2), newUser(newID("missing-"), "y")), store.ErrNotFound, nil},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				err := s.CreateUsers(ctx, tc.batch)
				wantErr(t, "CreateUsers", err, tc.err)
				var got *store.ConflictError
				switch isConflict := errors.As(err, &got); {
				case tc.conflict != nil && (!isConflict || *got != *tc.conflict):
					t.Errorf("error %v, want %v", err, tc.conflict)
				case tc.conflict == nil && isConflict:
					t.Errorf("error %v, want no claim conflict", err)
				}
				count(t, pool, 1)
				for _, key := range []string{"x0000", "x0001"} {
					_, err := s.GetUser(ctx, pool, key)
					wantErr(t, "GetUser("+key+")", err, store.ErrNotFound)
					byClaim(t, pool, "sub:sub-"+key, "")
					byClaim(t, pool, "email:"+key+"@example.com", "")
				}
				byClaim(t, pool, "email:shared", "")
				byClaim(t, pool, "email:ada@example.com", "ada")
				sameKeys(t, "users named x...", list(t, pool, store.UserFilter{Attribute: "name", Value: "Name x", Prefix: true}), nil)
			})
		}
		// Nothing of the failed batches is left to get in the way.
		wantErr(t, "CreateUsers after the failures", s.CreateUsers(ctx, batchUsers(pool, "x", 3)), nil)
		count(t, pool, 4)
	})

	t.Run("large batch", func(t *testing.T) {
		batch := batchUsers(pool, "u", 1234)
		// The same key and claims in another pool clash with nothing.
		batch = append(batch, batchUsers(other, "u", 1)...)
		bare := store.UserRecord{PoolID: pool, Key: "bare", Username: "bare", Status: "FORCE_CHANGE_PASSWORD",
			Claims: []string{"sub:bare", "sub:bare"}}
		batch = append(batch, bare)
		wantErr(t, "CreateUsers", s.CreateUsers(ctx, batch), nil)

		count(t, pool, 4+1234+1)
		count(t, other, 1)
		for _, i := range []int{0, 499, 500, 777, 1233, 1234, 1235} {
			sameUser(t, mustGetUser(t, s, batch[i].PoolID, batch[i].Key), batch[i])
		}
		byClaim(t, pool, "email:u0777@example.com", "u0777")
		byClaim(t, pool, "sub:sub-u1233", "u1233")
		byClaim(t, other, "sub:sub-u0000", "u0000")
		byClaim(t, pool, "sub:bare", "bare")

		sameKeys(t, "email = u0500@example.com",
			list(t, pool, store.UserFilter{Attribute: "email", Value: "u0500@example.com"}), []string{"u0500"})
		var want []string
		for i := 1220; i < 1234; i++ {
			want = append(want, fmt.Sprintf("u%04d", i))
		}
		sameKeys(t, "name starts with Name u122 or u123", append(
			list(t, pool, store.UserFilter{Attribute: "name", Value: "Name u122", Prefix: true}),
			list(t, pool, store.UserFilter{Attribute: "name", Value: "Name u123", Prefix: true})...), want)
		sameKeys(t, "cognito:user_status = FORCE_CHANGE_PASSWORD",
			list(t, pool, store.UserFilter{Attribute: "cognito:user_status", Value: "FORCE_CHANGE_PASSWORD"}), []string{"bare"})
		sameKeys(t, "username = u1000", list(t, pool, store.UserFilter{Attribute: "username", Value: "u1000"}), []string{"u1000"})

		// The index rows are there for updates and deletes to change.
		err := s.UpdateUser(ctx, pool, "u0001", func(u store.UserRecord) (store.UserRecord, error) {
			u.Attributes["email"] = "new@example.com"
			u.Claims = []string{"sub:sub-u0001", "email:new@example.com"}
			return u, nil
		})
		wantErr(t, "UpdateUser", err, nil)
		sameKeys(t, "old email", list(t, pool, store.UserFilter{Attribute: "email", Value: "u0001@example.com"}), nil)
		sameKeys(t, "new email", list(t, pool, store.UserFilter{Attribute: "email", Value: "new@example.com"}), []string{"u0001"})
		byClaim(t, pool, "email:u0001@example.com", "")
		wantErr(t, "DeleteUser", s.DeleteUser(ctx, pool, "u0002"), nil)
		byClaim(t, pool, "sub:sub-u0002", "")
		sameKeys(t, "deleted user's email", list(t, pool, store.UserFilter{Attribute: "email", Value: "u0002@example.com"}), nil)
		wantErr(t, "CreateUser of the deleted user", s.CreateUser(ctx, batch[2]), nil)
	})
}
