package storetest

import (
	"errors"
	"testing"

	"github.com/incognito-idp/incognito/internal/store"
)

func testClaims(t *testing.T, s store.Store) {
	ctx := t.Context()
	pool, other := newPool(t, s), newPool(t, s)
	ada := newUser(pool, "ada")
	ada.Claims = []string{"sub:sub-ada", "email:ada@example.com", "phone:+15550100"}
	createUsers(t, s, ada, newUser(pool, "bob"), newUser(other, "ada"))

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
	t.Run("lookup", func(t *testing.T) {
		tests := []struct{ name, pool, claim, want string }{
			{"email", pool, "email:ada@example.com", "ada"},
			{"sub", pool, "sub:sub-bob", "bob"},
			{"same claim in another pool", other, "sub:sub-ada", "ada"},
			{"unheld claim", pool, "email:nobody@example.com", ""},
			{"claims are exact", pool, "email:ADA@example.com", ""},
			{"missing pool", newID("missing-"), "sub:sub-ada", ""},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) { byClaim(t, tc.pool, tc.claim, tc.want) })
		}
	})
	t.Run("conflicts", func(t *testing.T) {
		carol := newUser(pool, "carol")
		carol.Claims = append(carol.Claims, "email:carol@example.com", "phone:+15550100")
		tests := []struct {
			name  string
			write func() error
			claim string
		}{
			{"create", func() error { return s.CreateUser(ctx, carol) }, "phone:+15550100"},
			{"update", func() error {
				return s.UpdateUser(ctx, pool, "bob", func(u store.UserRecord) (store.UserRecord, error) {
					u.Claims = append(u.Claims, "email:ada@example.com")
					return u, nil
				})
			}, "email:ada@example.com"},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				err := tc.write()
				var conflict *store.ConflictError
				if !errors.As(err, &conflict) {
					t.Fatalf("error %v, want *store.ConflictError", err)
				}
				if conflict.Claim != tc.claim || conflict.Owner != "ada" {
					t.Errorf("conflict = %+v, want claim %q owned by ada", conflict, tc.claim)
				}
				wantErr(t, "conflict", err, store.ErrAlreadyExists)
			})
		}
	})
	t.Run("released on update", func(t *testing.T) {
		err := s.UpdateUser(ctx, pool, "ada", func(u store.UserRecord) (store.UserRecord, error) {
			u.Claims = []string{"sub:sub-ada", "email:ada@new.example.com"}
			return u, nil
		})
		wantErr(t, "UpdateUser", err, nil)
		byClaim(t, pool, "email:ada@example.com", "")
		byClaim(t, pool, "phone:+15550100", "")
		byClaim(t, pool, "email:ada@new.example.com", "ada")
		err = s.UpdateUser(ctx, pool, "bob", func(u store.UserRecord) (store.UserRecord, error) {
			u.Claims = append(u.Claims, "email:ada@example.com")
			return u, nil
		})
		wantErr(t, "UpdateUser taking the released claim", err, nil)
		byClaim(t, pool, "email:ada@example.com", "bob")
	})
	t.Run("released on delete", func(t *testing.T) {
		wantErr(t, "DeleteUser", s.DeleteUser(ctx, pool, "ada"), nil)
		byClaim(t, pool, "email:ada@new.example.com", "")
		byClaim(t, pool, "sub:sub-ada", "")
		dan := newUser(pool, "dan")
		dan.Claims = []string{"email:ada@new.example.com", "sub:sub-ada"}
		createUsers(t, s, dan)
		byClaim(t, pool, "sub:sub-ada", "dan")
		byClaim(t, other, "sub:sub-ada", "ada")
	})
}

// testClaimConflictWritesNothing: a create or update that fails on its
// last claim leaves no trace of its other changes.
func testClaimConflictWritesNothing(t *testing.T, s store.Store) {
	ctx := t.Context()
	pool := newPool(t, s)
	owner := newUser(pool, "owner")
	owner.Claims = append(owner.Claims, "z:taken")
	bob := newUser(pool, "bob", "email", "bob@example.com")
	bob.Claims = append(bob.Claims, "email:bob@example.com")
	createUsers(t, s, owner, bob)

	carol := newUser(pool, "carol", "email", "carol@example.com")
	carol.Claims = append(carol.Claims, "a:first", "z:taken")
	wantErr(t, "CreateUser", s.CreateUser(ctx, carol), store.ErrAlreadyExists)
	_, err := s.GetUser(ctx, pool, "carol")
	wantErr(t, "GetUser of the failed create", err, store.ErrNotFound)
	_, err = s.GetUserByClaim(ctx, pool, "a:first")
	wantErr(t, "GetUserByClaim of the failed create", err, store.ErrNotFound)

	err = s.UpdateUser(ctx, pool, "bob", func(u store.UserRecord) (store.UserRecord, error) {
		u.Attributes["email"] = "bob@new.example.com"
		u.Claims = []string{"sub:sub-bob", "a:first", "z:taken"} // drops the email claim
		return u, nil
	})
	wantErr(t, "UpdateUser", err, store.ErrAlreadyExists)
	sameUser(t, mustGetUser(t, s, pool, "bob"), bob)
	u, err := s.GetUserByClaim(ctx, pool, "email:bob@example.com")
	wantErr(t, "GetUserByClaim of the claim the failed update dropped", err, nil)
	if u.Key != "bob" {
		t.Errorf("email claim held by %q, want bob", u.Key)
	}
	_, err = s.GetUserByClaim(ctx, pool, "a:first")
	wantErr(t, "GetUserByClaim of the failed update", err, store.ErrNotFound)

	for _, f := range []store.UserFilter{
		{Attribute: "email", Value: "carol@example.com"},
		{Attribute: "email", Value: "bob@new.example.com"},
		{Attribute: "username", Value: "carol"},
	} {
		us, err := s.ListUsers(ctx, pool, f, store.Page{})
		wantErr(t, "ListUsers", err, nil)
		sameKeys(t, "ListUsers "+f.Attribute+"="+f.Value, userKeys(us), nil)
	}
}
