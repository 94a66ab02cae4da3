package storetest

import (
	"testing"

	"github.com/incognito-idp/incognito/internal/store"
)

// testDeletePoolCascades: deleting a pool removes its clients, users,
// claims, search rows, groups and memberships, and nothing of other pools.
func testDeletePoolCascades(t *testing.T, s store.Store) {
	ctx := t.Context()
	pool, other := newPool(t, s), newPool(t, s)
	client := newID("client-")
	for _, p := range []string{pool, other} {
		u := newUser(p, "u", "email", "u@example.com")
		u.Claims = append(u.Claims, "email:u@example.com")
		createUsers(t, s, u)
		createGroups(t, s, p, "g")
		wantErr(t, "AddUserToGroup", s.AddUserToGroup(ctx, p, "g", "u"), nil)
	}
	wantErr(t, "CreateClient", s.CreateClient(ctx, store.ClientRecord{PoolID: pool, ClientID: client}), nil)

	wantErr(t, "DeletePool", s.DeletePool(ctx, pool), nil)

	gone := []struct {
		name string
		call func() error
	}{
		{"GetPool", func() error { _, err := s.GetPool(ctx, pool); return err }},
		{"GetClient", func() error { _, err := s.GetClient(ctx, client); return err }},
		{"ListClients", func() error { _, err := s.ListClients(ctx, pool, store.Page{}); return err }},
		{"GetUser", func() error { _, err := s.GetUser(ctx, pool, "u"); return err }},
		{"GetUserByClaim", func() error { _, err := s.GetUserByClaim(ctx, pool, "email:u@example.com"); return err }},
		{"ListUsers", func() error { _, err := s.ListUsers(ctx, pool, store.UserFilter{}, store.Page{}); return err }},
		{"CountUsers", func() error { _, err := s.CountUsers(ctx, pool); return err }},
		{"GetGroup", func() error { _, err := s.GetGroup(ctx, pool, "g"); return err }},
		{"ListGroups", func() error { _, err := s.ListGroups(ctx, pool, store.Page{}); return err }},
		{"ListUsersInGroup", func() error { _, err := s.ListUsersInGroup(ctx, pool, "g", store.Page{}); return err }},
		{"ListGroupsForUser", func() error { _, err := s.ListGroupsForUser(ctx, pool, "u", store.Page{}); return err }},
	}
	for _, tc := range gone {
		t.Run(tc.name, func(t *testing.T) { wantErr(t, tc.name, tc.call(), store.ErrNotFound) })
	}

	t.Run("other pool untouched", func(t *testing.T) {
		if u, err := s.GetUserByClaim(ctx, other, "email:u@example.com"); err != nil || u.Key != "u" {
			t.Errorf("GetUserByClaim in the other pool = %q, %v", u.Key, err)
		}
		us, err := s.ListUsersInGroup(ctx, other, "g", store.Page{})
		wantErr(t, "ListUsersInGroup", err, nil)
		sameKeys(t, "users in the other pool's group", userKeys(us), []string{"u"})
	})
	t.Run("recreated pool starts empty", func(t *testing.T) {
		wantErr(t, "CreatePool", s.CreatePool(ctx, store.PoolRecord{ID: pool, Name: "again"}), nil)
		if n, err := s.CountUsers(ctx, pool); err != nil || n != 0 {
			t.Errorf("CountUsers = %d, %v; want 0", n, err)
		}
		for _, f := range []store.UserFilter{{}, {Attribute: "email", Value: "u@example.com"}} {
			us, err := s.ListUsers(ctx, pool, f, store.Page{})
			wantErr(t, "ListUsers", err, nil)
			sameKeys(t, "users", userKeys(us), nil)
		}
		u := newUser(pool, "u", "email", "u@example.com")
		u.Claims = append(u.Claims, "email:u@example.com")
		createUsers(t, s, u) // the old claims are free
		gs, err := s.ListGroupsForUser(ctx, pool, "u", store.Page{})
		wantErr(t, "ListGroupsForUser", err, nil)
		sameKeys(t, "groups", groupNames(gs), nil)
	})
}
