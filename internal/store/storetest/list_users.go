package storetest

import (
	"strings"
	"testing"

	"github.com/incognito-idp/incognito/internal/store"
)

func testListUsersFilters(t *testing.T, s store.Store) {
	ctx := t.Context()
	pool, other := newPool(t, s), newPool(t, s)

	alice := newUser(pool, "alice", "email", "alice@example.com", "phone_number", "+15550001",
		"name", "Alice Liddell", "given_name", "Alice", "family_name", "Liddell",
		"preferred_username", "ally", "sub", "sub-attr-alice", "custom:team", "red")
	alice.Username = "Alice"
	bob := newUser(pool, "bob", "email", "bob_smith@example.com", "name", "Bob %", "family_name", "Smith")
	bob.Status, bob.Enabled = "UNCONFIRMED", false
	carol := newUser(pool, "carol", "email", "bobXsmith@example.com", "name", "Bob X", "family_name", "Smith")
	carol.Status = "FORCE_CHANGE_PASSWORD"
	dave := newUser(pool, "dave", "email", "100%@example.com", "name", "Ünïcödé 日本", "given_name", "")
	eve := newUser(pool, "eve", "email", "ALICE@example.com")
	zed := newUser(pool, "zed", "custom:team", "red")
	createUsers(t, s, zed, dave, alice, eve, carol, bob, newUser(other, "alice", "email", "alice@example.com"))

	all := []string{"alice", "bob", "carol", "dave", "eve", "zed"}
	eq := func(attr, value string) store.UserFilter { return store.UserFilter{Attribute: attr, Value: value} }
	prefix := func(attr, value string) store.UserFilter {
		return store.UserFilter{Attribute: attr, Value: value, Prefix: true}
	}
	tests := []struct {
		name   string
		filter store.UserFilter
		want   []string
	}{
		{"no filter", store.UserFilter{}, all},
		{"email equal", eq("email", "alice@example.com"), []string{"alice"}},
		{"email equal is case sensitive", eq("email", "ALICE@example.com"), []string{"eve"}},
		{"email equal is not a prefix", eq("email", "alice"), nil},
		// Prefix filters list in (value, key) order: "bobX" < "bob_".
		{"email prefix", prefix("email", "bob"), []string{"carol", "bob"}},
		{"underscore is not a wildcard", prefix("email", "bob_"), []string{"bob"}},
		{"underscore equal", eq("email", "bob_smith@example.com"), []string{"bob"}},
		{"percent is not a wildcard", prefix("email", "100%"), []string{"dave"}},
		{"percent alone", prefix("email", "%"), nil},
		{"percent in a name", eq("name", "Bob %"), []string{"bob"}},
		{"empty prefix matches every user with the attribute", prefix("email", ""), []string{"dave", "eve", "alice", "carol", "bob"}},
		{"empty value", eq("given_name", ""), []string{"dave"}},
		{"unicode prefix", prefix("name", "Ünï"), []string{"dave"}},
		{"unicode equal", eq("name", "Ünïcödé 日本"), []string{"dave"}},
		{"prefix is not a substring", prefix("name", "日本"), nil},
		{"phone_number", eq("phone_number", "+15550001"), []string{"alice"}},
		{"name prefix", prefix("name", "Bob"), []string{"bob", "carol"}},
		{"given_name", prefix("given_name", "Al"), []string{"alice"}},
		{"family_name", eq("family_name", "Smith"), []string{"bob", "carol"}},
		{"preferred_username", eq("preferred_username", "ally"), []string{"alice"}},
		{"sub from the attribute", eq("sub", "sub-attr-alice"), []string{"alice"}},
		{"sub from the record when no attribute", eq("sub", "sub-bob"), []string{"bob"}},
		{"sub prefix", prefix("sub", "sub-"), all},
		{"username is the Username, not the key", eq("username", "Alice"), []string{"alice"}},
		{"username by key finds nothing", eq("username", "alice"), nil},
		{"username prefix", prefix("username", "d"), []string{"dave"}},
		{"status Enabled", eq("status", "Enabled"), []string{"alice", "carol", "dave", "eve", "zed"}},
		{"status Disabled", eq("status", "Disabled"), []string{"bob"}},
		{"cognito:user_status", eq("cognito:user_status", "UNCONFIRMED"), []string{"bob"}},
		{"cognito:user_status prefix", prefix("cognito:user_status", "CONF"), []string{"alice", "dave", "eve", "zed"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			us, err := s.ListUsers(ctx, pool, tc.filter, store.Page{})
			wantErr(t, "ListUsers", err, nil)
			sameKeys(t, "keys", userKeys(us), tc.want)
			for _, u := range us {
				if u.PoolID != pool {
					t.Errorf("user %q of pool %q listed", u.Key, u.PoolID)
				}
			}
		})
	}

	t.Run("whole records", func(t *testing.T) {
		us, err := s.ListUsers(ctx, pool, prefix("email", "alice"), store.Page{})
		wantErr(t, "ListUsers", err, nil)
		if len(us) != 1 {
			t.Fatalf("ListUsers = %v, want alice", userKeys(us))
		}
		sameUser(t, us[0], alice)
	})
	t.Run("errors", func(t *testing.T) {
		tests := []struct {
			name   string
			pool   string
			filter store.UserFilter
			err    error
		}{
			{"missing pool", newID("missing-"), store.UserFilter{}, store.ErrNotFound},
			{"missing pool with a filter", newID("missing-"), eq("email", "x"), store.ErrNotFound},
			{"custom attribute", pool, eq("custom:team", "red"), nil},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				_, err := s.ListUsers(ctx, tc.pool, tc.filter, store.Page{})
				if tc.err == nil {
					if err == nil {
						t.Fatal("ListUsers accepted a filter on an attribute it does not index")
					}
					return
				}
				wantErr(t, "ListUsers", err, tc.err)
			})
		}
	})
}

// testListUsersFollowsUpdates: the search index follows updates and deletes.
func testListUsersFollowsUpdates(t *testing.T, s store.Store) {
	ctx := t.Context()
	pool := newPool(t, s)
	createUsers(t, s,
		newUser(pool, "a", "email", "a@example.com", "name", "A"),
		newUser(pool, "b", "email", "b@example.com"))
	err := s.UpdateUser(ctx, pool, "a", func(u store.UserRecord) (store.UserRecord, error) {
		u.Attributes["email"] = "new@example.com"
		delete(u.Attributes, "name")
		u.Attributes["family_name"] = "Added"
		u.Username, u.Enabled, u.Status = "A2", false, "RESET_REQUIRED"
		return u, nil
	})
	wantErr(t, "UpdateUser", err, nil)
	wantErr(t, "DeleteUser", s.DeleteUser(ctx, pool, "b"), nil)

	tests := []struct {
		name   string
		filter store.UserFilter
		want   []string
	}{
		{"old email", store.UserFilter{Attribute: "email", Value: "a@example.com"}, nil},
		{"new email", store.UserFilter{Attribute: "email", Value: "new@example.com"}, []string{"a"}},
		{"removed attribute", store.UserFilter{Attribute: "name", Value: "", Prefix: true}, nil},
		{"added attribute", store.UserFilter{Attribute: "family_name", Value: "Added"}, []string{"a"}},
		{"new username", store.UserFilter{Attribute: "username", Value: "A2"}, []string{"a"}},
		{"old username", store.UserFilter{Attribute: "username", Value: "a"}, nil},
		{"disabled", store.UserFilter{Attribute: "status", Value: "Disabled"}, []string{"a"}},
		{"enabled", store.UserFilter{Attribute: "status", Value: "Enabled"}, nil},
		{"new user status", store.UserFilter{Attribute: "cognito:user_status", Value: "RESET_REQUIRED"}, []string{"a"}},
		{"deleted user", store.UserFilter{Attribute: "email", Value: "b@example.com"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			us, err := s.ListUsers(ctx, pool, tc.filter, store.Page{})
			wantErr(t, "ListUsers", err, nil)
			sameKeys(t, "keys", userKeys(us), tc.want)
		})
	}
}

// testListUsersLongValues: Cognito allows 2048-character attribute values,
// up to 8 kB of UTF-8; storing and filtering on them must work.
func testListUsersLongValues(t *testing.T, s store.Store) {
	ctx := t.Context()
	pool := newPool(t, s)
	long := strings.Repeat("日本", 1024)
	createUsers(t, s,
		newUser(pool, "long", "name", long, "email", strings.Repeat("a", 2040)+"@x.io"),
		newUser(pool, "short", "name", "日本"))
	sameUser(t, mustGetUser(t, s, pool, "long"), newUser(pool, "long", "name", long, "email", strings.Repeat("a", 2040)+"@x.io"))
	tests := []struct {
		name   string
		filter store.UserFilter
		want   []string
	}{
		{"equal", store.UserFilter{Attribute: "name", Value: long}, []string{"long"}},
		{"short prefix", store.UserFilter{Attribute: "name", Value: "日本", Prefix: true}, []string{"short", "long"}},
		{"long prefix", store.UserFilter{Attribute: "name", Value: long[:900], Prefix: true}, []string{"long"}},
		{"equal to the short one", store.UserFilter{Attribute: "name", Value: "日本"}, []string{"short"}},
		{"long email", store.UserFilter{Attribute: "email", Value: strings.Repeat("a", 2040) + "@x.io"}, []string{"long"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			us, err := s.ListUsers(ctx, pool, tc.filter, store.Page{})
			wantErr(t, "ListUsers", err, nil)
			sameKeys(t, "keys", userKeys(us), tc.want)
		})
	}
}
