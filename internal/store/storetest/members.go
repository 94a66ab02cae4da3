package storetest

import (
	"testing"

	"github.com/incognito-idp/incognito/internal/store"
)

func createGroups(t *testing.T, s store.Store, pool string, names ...string) {
	t.Helper()
	for _, n := range names {
		if err := s.CreateGroup(t.Context(), store.GroupRecord{PoolID: pool, Name: n, CreatedAt: t0, UpdatedAt: t0}); err != nil {
			t.Fatalf("CreateGroup(%q): %v", n, err)
		}
	}
}

func testMemberships(t *testing.T, s store.Store) {
	ctx := t.Context()
	pool := newPool(t, s)
	createGroups(t, s, pool, "g1", "g2", "g3", "empty")
	createUsers(t, s, newUser(pool, "u1"), newUser(pool, "u2"), newUser(pool, "u3"), newUser(pool, "loner"))
	add := []struct{ group, user string }{
		{"g2", "u1"}, {"g1", "u1"}, {"g3", "u1"}, {"g1", "u3"}, {"g1", "u2"}, {"g1", "u2"}, // the repeat is not an error
	}
	for _, a := range add {
		wantErr(t, "AddUserToGroup("+a.group+", "+a.user+")", s.AddUserToGroup(ctx, pool, a.group, a.user), nil)
	}

	t.Run("add errors", func(t *testing.T) {
		tests := []struct{ name, pool, group, user string }{
			{"missing group", pool, "nope", "u1"},
			{"missing user", pool, "g1", "nobody"},
			{"missing pool", newID("missing-"), "g1", "u1"},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				wantErr(t, "AddUserToGroup", s.AddUserToGroup(ctx, tc.pool, tc.group, tc.user), store.ErrNotFound)
			})
		}
	})
	t.Run("groups for user", func(t *testing.T) {
		tests := []struct {
			name, user string
			page       store.Page
			want       []string
			err        error
		}{
			{"all", "u1", store.Page{}, []string{"g1", "g2", "g3"}, nil},
			{"first page", "u1", store.Page{Limit: 2}, []string{"g1", "g2"}, nil},
			{"next page", "u1", store.Page{After: "g2", Limit: 2}, []string{"g3"}, nil},
			{"one group", "u2", store.Page{}, []string{"g1"}, nil},
			{"no groups", "loner", store.Page{}, nil, nil},
			{"missing user", "nobody", store.Page{}, nil, store.ErrNotFound},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				gs, err := s.ListGroupsForUser(ctx, pool, tc.user, tc.page)
				wantErr(t, "ListGroupsForUser", err, tc.err)
				sameKeys(t, "groups", groupNames(gs), tc.want)
			})
		}
	})
	t.Run("users in group", func(t *testing.T) {
		tests := []struct {
			name, group string
			page        store.Page
			want        []string
			err         error
		}{
			{"all", "g1", store.Page{}, []string{"u1", "u2", "u3"}, nil},
			{"first page", "g1", store.Page{Limit: 1}, []string{"u1"}, nil},
			{"next page", "g1", store.Page{After: "u1", Limit: 5}, []string{"u2", "u3"}, nil},
			{"empty group", "empty", store.Page{}, nil, nil},
			{"missing group", "nope", store.Page{}, nil, store.ErrNotFound},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				us, err := s.ListUsersInGroup(ctx, pool, tc.group, tc.page)
				wantErr(t, "ListUsersInGroup", err, tc.err)
				sameKeys(t, "users", userKeys(us), tc.want)
			})
		}
		us, err := s.ListUsersInGroup(ctx, pool, "g1", store.Page{Limit: 1})
		wantErr(t, "ListUsersInGroup", err, nil)
		sameUser(t, us[0], newUser(pool, "u1"))
	})
	t.Run("remove", func(t *testing.T) {
		tests := []struct {
			name, group, user string
			err               error
		}{
			{"member", "g1", "u2", nil},
			{"no longer a member", "g1", "u2", nil},
			{"never a member", "g2", "u3", nil},
			{"missing group", "nope", "u1", store.ErrNotFound},
			{"missing user", "g1", "nobody", store.ErrNotFound},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				wantErr(t, "RemoveUserFromGroup", s.RemoveUserFromGroup(ctx, pool, tc.group, tc.user), tc.err)
			})
		}
		us, err := s.ListUsersInGroup(ctx, pool, "g1", store.Page{})
		wantErr(t, "ListUsersInGroup", err, nil)
		sameKeys(t, "users in g1", userKeys(us), []string{"u1", "u3"})
		gs, err := s.ListGroupsForUser(ctx, pool, "u2", store.Page{})
		wantErr(t, "ListGroupsForUser", err, nil)
		sameKeys(t, "groups of u2", groupNames(gs), nil)
	})
}

// testMembershipsFollowDeletes: deleting a user or a group removes its
// memberships, and a namesake created later does not inherit them.
func testMembershipsFollowDeletes(t *testing.T, s store.Store) {
	ctx := t.Context()
	pool := newPool(t, s)
	createGroups(t, s, pool, "g1", "g2")
	createUsers(t, s, newUser(pool, "u1"), newUser(pool, "u2"))
	for _, g := range []string{"g1", "g2"} {
		for _, u := range []string{"u1", "u2"} {
			wantErr(t, "AddUserToGroup", s.AddUserToGroup(ctx, pool, g, u), nil)
		}
	}
	wantErr(t, "DeleteUser", s.DeleteUser(ctx, pool, "u1"), nil)
	wantErr(t, "DeleteGroup", s.DeleteGroup(ctx, pool, "g1"), nil)
	createUsers(t, s, newUser(pool, "u1"))
	createGroups(t, s, pool, "g1")

	gs, err := s.ListGroupsForUser(ctx, pool, "u2", store.Page{})
	wantErr(t, "ListGroupsForUser(u2)", err, nil)
	sameKeys(t, "groups of u2", groupNames(gs), []string{"g2"})
	gs, err = s.ListGroupsForUser(ctx, pool, "u1", store.Page{})
	wantErr(t, "ListGroupsForUser(u1)", err, nil)
	sameKeys(t, "groups of the new u1", groupNames(gs), nil)
	us, err := s.ListUsersInGroup(ctx, pool, "g2", store.Page{})
	wantErr(t, "ListUsersInGroup(g2)", err, nil)
	sameKeys(t, "users in g2", userKeys(us), []string{"u2"})
	us, err = s.ListUsersInGroup(ctx, pool, "g1", store.Page{})
	wantErr(t, "ListUsersInGroup(g1)", err, nil)
	sameKeys(t, "users in the new g1", userKeys(us), nil)
}
