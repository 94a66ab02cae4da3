package storetest

import (
	"fmt"
	"testing"

	"github.com/incognito-idp/incognito/internal/store"
)

// testListUsersPagination pages through users with and without filters.
// Keys mix case and non-ASCII: lists are in byte order of the key.
func testListUsersPagination(t *testing.T, s store.Store) {
	ctx := t.Context()
	pool := newPool(t, s)
	var keys []string
	for i := range 23 {
		keys = append(keys, fmt.Sprintf("user%02d", i))
	}
	keys = append(keys, "A", "Z", "a", "é", "日本")
	for i, k := range keys {
		u := newUser(pool, k, "email", fmt.Sprintf("user-%d@example.com", i))
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

	filters := []struct {
		name   string
		filter store.UserFilter
		want   []string
	}{
		{"no filter", store.UserFilter{}, sorted},
		{"prefix", store.UserFilter{Attribute: "email", Value: "user-", Prefix: true}, sorted},
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
					after = page[len(page)-1].Key
				}
				sameKeys(t, "keys", got, f.want)
			})
		}
		t.Run(f.name+"/after a key that does not exist", func(t *testing.T) {
			page, err := s.ListUsers(ctx, pool, f.filter, store.Page{After: "user05x", Limit: 2})
			wantErr(t, "ListUsers", err, nil)
			var want []string
			for _, k := range f.want {
				if k > "user05x" && len(want) < 2 {
					want = append(want, k)
				}
			}
			sameKeys(t, "keys", userKeys(page), want)
		})
	}
}
