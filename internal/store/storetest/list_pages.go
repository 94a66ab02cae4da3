package storetest

import (
	"cmp"
	"fmt"
	"slices"
	"testing"

	"github.com/incognito-idp/incognito/internal/store"
)

// testListUsersPagination pages through users with and without filters,
// each page starting where store.NextUserPage says. Keys mix case and
// non-ASCII: lists without a filter or with an equality filter are in byte
// order of the key, the prefix filter's in byte order of the email, which is
// another order ("user-10@" comes before "user-2@").
func testListUsersPagination(t *testing.T, s store.Store) {
	ctx := t.Context()
	pool := newPool(t, s)
	var keys []string
	for i := range 23 {
		keys = append(keys, fmt.Sprintf("user%02d", i))
	}
	keys = append(keys, "A", "Z", "a", "é", "日本")
	email := make(map[string]string, len(keys))
	for i, k := range keys {
		email[k] = fmt.Sprintf("user-%d@example.com", i)
		u := newUser(pool, k, "email", email[k])
		u.Enabled = i%3 != 0
		createUsers(t, s, u)
	}
	sorted := sortedSet(keys) // "A" "Z" "a" "user00".. "user22" "é" "日本"
	var enabled []string
	for i, k := range keys {
		if i%3 != 0 {
			enabled = append(enabled, k)
		}
	}
	enabled = sortedSet(enabled)
	byEmail := slices.SortedFunc(slices.Values(keys), func(a, b string) int { return cmp.Compare(email[a], email[b]) })

	filters := []struct {
		name   string
		filter store.UserFilter
		want   []string
	}{
		{"no filter", store.UserFilter{}, sorted},
		{"prefix", store.UserFilter{Attribute: "email", Value: "user-", Prefix: true}, byEmail},
		{"equal", store.UserFilter{Attribute: "status", Value: "Enabled"}, enabled},
	}
	for _, f := range filters {
		for _, limit := range []int{1, 7, len(keys), 0} {
			t.Run(fmt.Sprintf("%s/limit %d", f.name, limit), func(t *testing.T) {
				var got []string
				after := ""
				for range len(keys) + 2 {
					page, err := s.ListUsers(ctx, pool, f.filter, store.Page{After: after, Limit: limit})
					wantErr(t, "ListUsers", err, nil)
					if limit > 0 && len(page) > limit {
						t.Fatalf("page of %d users, limit %d", len(page), limit)
					}
					if len(page) == 0 {
						break
					}
					got = append(got, userKeys(page)...)
					after = store.NextUserPage(f.filter, page[len(page)-1])
				}
				sameKeys(t, "keys", got, f.want)
			})
		}
		// A page may start after a user that does not exist (any more).
		t.Run(f.name+"/after a user that does not exist", func(t *testing.T) {
			gone := newUser(pool, "user05x", "email", email["user05"]+"x")
			page, err := s.ListUsers(ctx, pool, f.filter, store.Page{After: store.NextUserPage(f.filter, gone), Limit: 2})
			wantErr(t, "ListUsers", err, nil)
			var want []string
			for _, k := range f.want {
				after := k > gone.Key
				if f.filter.Prefix {
					after = cmp.Or(cmp.Compare(email[k], gone.Attributes["email"]), cmp.Compare(k, gone.Key)) > 0
				}
				if after && len(want) < 2 {
					want = append(want, k)
				}
			}
			sameKeys(t, "keys", userKeys(page), want)
		})
	}
}
