package storetest

import (
	"testing"
	"time"

	"github.com/incognito-idp/incognito/internal/store"
)

func testUsers(t *testing.T, s store.Store) {
	ctx := t.Context()
	pool, other := newPool(t, s), newPool(t, s)

	ada := newUser(pool, "ada", "email", "ada@example.com", "custom:bio", "日本語 ✓ \"quoted\"")
	ada.Username = "Ada"
	ada.Claims = []string{"sub:sub-ada", "email:ada@example.com", "sub:sub-ada"}
	bare := store.UserRecord{PoolID: pool, Key: "bare", Username: "bare", Status: "FORCE_CHANGE_PASSWORD"}
	createUsers(t, s, ada, bare)

	t.Run("get", func(t *testing.T) {
		sameUser(t, mustGetUser(t, s, pool, "ada"), ada)
		sameUser(t, mustGetUser(t, s, pool, "bare"), bare)
	})
	t.Run("not found", func(t *testing.T) {
		tests := []struct{ name, pool, key string }{
			{"missing key", pool, "nobody"},
			{"key of another case", pool, "ADA"},
			{"other pool", other, "ada"},
			{"missing pool", newID("missing-"), "ada"},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				_, err := s.GetUser(ctx, tc.pool, tc.key)
				wantErr(t, "GetUser", err, store.ErrNotFound)
			})
		}
	})
	t.Run("create", func(t *testing.T) {
		tests := []struct {
			name string
			user store.UserRecord
			err  error
		}{
			{"same key", newUser(pool, "ada"), store.ErrAlreadyExists},
			{"missing pool", newUser(newID("missing-"), "ada"), store.ErrNotFound},
			{"same key in another pool", newUser(other, "ada"), nil},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				wantErr(t, "CreateUser", s.CreateUser(ctx, tc.user), tc.err)
			})
		}
		sameUser(t, mustGetUser(t, s, pool, "ada"), ada) // unchanged by the failed create
	})
	t.Run("update", func(t *testing.T) {
		want := ada
		want.Username, want.Sub, want.Status, want.Enabled = "ADA", "new-sub", "RESET_REQUIRED", false
		want.Attributes = map[string]string{"email": "ada@new.example.com", "name": "Ada"}
		want.Claims = []string{"sub:new-sub"}
		want.Data, want.CreatedAt, want.UpdatedAt = []byte{}, t0.Add(-time.Hour), t0.Add(time.Hour)
		err := s.UpdateUser(ctx, pool, "ada", func(u store.UserRecord) (store.UserRecord, error) {
			sameUser(t, u, ada)
			u.Attributes["name"] = "Ada" // the map handed over is writable
			delete(u.Attributes, "custom:bio")
			u.Attributes["email"] = "ada@new.example.com"
			u.Username, u.Sub, u.Status, u.Enabled = want.Username, want.Sub, want.Status, want.Enabled
			u.Claims, u.Data, u.CreatedAt, u.UpdatedAt = want.Claims, want.Data, want.CreatedAt, want.UpdatedAt
			return u, nil
		})
		wantErr(t, "UpdateUser", err, nil)
		sameUser(t, mustGetUser(t, s, pool, "ada"), want)

		err = s.UpdateUser(ctx, pool, "nobody", func(u store.UserRecord) (store.UserRecord, error) {
			t.Error("UpdateUser called the function for a missing user")
			return u, nil
		})
		wantErr(t, "UpdateUser missing", err, store.ErrNotFound)
	})
	t.Run("nil attributes come back as a map", func(t *testing.T) {
		err := s.UpdateUser(ctx, pool, "bare", func(u store.UserRecord) (store.UserRecord, error) {
			if u.Attributes == nil {
				t.Fatal("UpdateUser handed over nil Attributes")
			}
			u.Attributes["email"] = "bare@example.com"
			return u, nil
		})
		wantErr(t, "UpdateUser", err, nil)
	})
	t.Run("delete", func(t *testing.T) {
		wantErr(t, "DeleteUser", s.DeleteUser(ctx, pool, "ada"), nil)
		_, err := s.GetUser(ctx, pool, "ada")
		wantErr(t, "GetUser after delete", err, store.ErrNotFound)
		wantErr(t, "DeleteUser again", s.DeleteUser(ctx, pool, "ada"), store.ErrNotFound)
		wantErr(t, "DeleteUser missing pool", s.DeleteUser(ctx, newID("missing-"), "bare"), store.ErrNotFound)
		mustGetUser(t, s, other, "ada") // the namesake in the other pool stays
	})
}

func testCountUsers(t *testing.T, s store.Store) {
	ctx := t.Context()
	pool, other := newPool(t, s), newPool(t, s)
	_, err := s.CountUsers(ctx, newID("missing-"))
	wantErr(t, "CountUsers missing pool", err, store.ErrNotFound)

	count := func(want int64) {
		t.Helper()
		n, err := s.CountUsers(ctx, pool)
		wantErr(t, "CountUsers", err, nil)
		if n != want {
			t.Errorf("CountUsers = %d, want %d", n, want)
		}
	}
	count(0)
	createUsers(t, s, newUser(pool, "a"), newUser(pool, "b"), newUser(pool, "c"), newUser(other, "a"))
	count(3)
	wantErr(t, "DeleteUser", s.DeleteUser(ctx, pool, "b"), nil)
	count(2)
}

// testUpdateAborts checks every Update method: an error from the function
// is returned as is and nothing is written.
func testUpdateAborts(t *testing.T, s store.Store) {
	ctx := t.Context()
	pool := newPool(t, s)
	client := newID("client-")
	wantErr(t, "CreateClient", s.CreateClient(ctx, store.ClientRecord{PoolID: pool, ClientID: client, Name: "c"}), nil)
	wantErr(t, "CreateGroup", s.CreateGroup(ctx, store.GroupRecord{PoolID: pool, Name: "g", Description: "d"}), nil)
	createUsers(t, s, newUser(pool, "u", "email", "u@example.com"))

	tests := []struct {
		name   string
		update func() error
		check  func(t *testing.T)
	}{
		{"pool", func() error {
			return s.UpdatePool(ctx, pool, func(p store.PoolRecord) (store.PoolRecord, error) {
				p.Name = "changed"
				return p, errAbort
			})
		}, func(t *testing.T) {
			if p, _ := s.GetPool(ctx, pool); p.Name == "changed" {
				t.Error("pool changed")
			}
		}},
		{"client", func() error {
			return s.UpdateClient(ctx, client, func(c store.ClientRecord) (store.ClientRecord, error) {
				c.Name = "changed"
				return c, errAbort
			})
		}, func(t *testing.T) {
			if c, _ := s.GetClient(ctx, client); c.Name == "changed" {
				t.Error("client changed")
			}
		}},
		{"user", func() error {
			return s.UpdateUser(ctx, pool, "u", func(u store.UserRecord) (store.UserRecord, error) {
				u.Attributes["email"], u.Claims = "changed@example.com", []string{"email:changed"}
				return u, errAbort
			})
		}, func(t *testing.T) {
			sameUser(t, mustGetUser(t, s, pool, "u"), newUser(pool, "u", "email", "u@example.com"))
			_, err := s.GetUserByClaim(ctx, pool, "email:changed")
			wantErr(t, "GetUserByClaim", err, store.ErrNotFound)
			us, err := s.ListUsers(ctx, pool, store.UserFilter{Attribute: "email", Value: "changed@example.com"}, store.Page{})
			wantErr(t, "ListUsers", err, nil)
			sameKeys(t, "users by the aborted email", userKeys(us), nil)
		}},
		{"group", func() error {
			return s.UpdateGroup(ctx, pool, "g", func(g store.GroupRecord) (store.GroupRecord, error) {
				g.Description = "changed"
				return g, errAbort
			})
		}, func(t *testing.T) {
			if g, _ := s.GetGroup(ctx, pool, "g"); g.Description != "d" {
				t.Errorf("group description = %q, want %q", g.Description, "d")
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.update(); err != errAbort {
				t.Fatalf("update error = %v, want errAbort returned unchanged", err)
			}
			tc.check(t)
		})
	}
}

// testUpdateKeepsIdentity: a function that changes PoolID or Key does not
// move the user.
func testUpdateKeepsIdentity(t *testing.T, s store.Store) {
	ctx := t.Context()
	pool, other := newPool(t, s), newPool(t, s)
	createUsers(t, s, newUser(pool, "u"))
	err := s.UpdateUser(ctx, pool, "u", func(u store.UserRecord) (store.UserRecord, error) {
		u.PoolID, u.Key, u.Username = other, "moved", "renamed"
		return u, nil
	})
	wantErr(t, "UpdateUser", err, nil)
	if u := mustGetUser(t, s, pool, "u"); u.Username != "renamed" || u.PoolID != pool || u.Key != "u" {
		t.Errorf("user after update = %+v, want the same pool and key, username renamed", u)
	}
	_, err = s.GetUser(ctx, other, "moved")
	wantErr(t, "GetUser of the key the update tried", err, store.ErrNotFound)
}
