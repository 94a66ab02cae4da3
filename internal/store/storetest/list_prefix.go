package storetest

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/incognito-idp/incognito/internal/store"
)

// prefixUsers are name values chosen to trip a prefix listing's cursor:
// values that are prefixes of one another or equal, values and keys holding
// the cursor's ':' and digits, non-ASCII, and values longer than the
// indexed kilobyte that tie on it (they list by key).
func prefixUsers() map[string]string {
	long := "Ab" + strings.Repeat("x", store.MaxFilterValueBytes+100)
	return map[string]string{
		"k01": "Ab", "k02": "Ab", "a:9": "Ab", "k03": "Ab:", "k04": "Ab:1:Ab",
		"10:": "Ab1", "k05": "Ab10:x", "3:Ab": "Ab10:x", "z": "Aba", "k06": "Abé",
		"k07": "Ab日本", "k08": "Ab\U0010FFFF", "é": long + "1", "k09": long + "0", "b": long,
		"k10": "Ab" + strings.Repeat("é", 600),
		// Not matching "Ab".
		"k11": "Aa", "k12": "Ac", "k13": "ab", "k14": "A", "k15": "AB",
	}
}

// testListUsersPrefixPaging pages through prefix filters with small pages:
// every match comes exactly once, in (indexed value, key) order.
func testListUsersPrefixPaging(t *testing.T, s store.Store) {
	ctx := t.Context()
	pool := newPool(t, s)
	names := prefixUsers()
	for k, v := range names {
		createUsers(t, s, newUser(pool, k, "name", v))
	}
	createUsers(t, s, newUser(pool, "k16")) // no name at all

	for _, prefix := range []string{"Ab", "Ab1", "Ab:", "Abx", "", "\U0010FFFF"} {
		f := store.UserFilter{Attribute: "name", Value: prefix, Prefix: true}
		want := byValue(names, prefix)
		for _, limit := range []int{1, 2, 3, 5, 0} {
			t.Run(fmt.Sprintf("%q/limit %d", prefix, limit), func(t *testing.T) {
				got := pageThrough(t, s, pool, f, limit, nil)
				sameKeys(t, "keys", got, want)
			})
		}
	}

	t.Run("a cursor before the prefix starts at it", func(t *testing.T) {
		f := store.UserFilter{Attribute: "name", Value: "Ab1", Prefix: true}
		before := store.NextUserPage(f, newUser(pool, "k99", "name", "Aa"))
		us, err := s.ListUsers(ctx, pool, f, store.Page{After: before})
		wantErr(t, "ListUsers", err, nil)
		sameKeys(t, "keys", userKeys(us), byValue(names, "Ab1"))
	})
	t.Run("a cursor past the prefix finds nothing", func(t *testing.T) {
		f := store.UserFilter{Attribute: "name", Value: "Ab1", Prefix: true}
		past := store.NextUserPage(f, newUser(pool, "k99", "name", "Ab2"))
		us, err := s.ListUsers(ctx, pool, f, store.Page{After: past})
		wantErr(t, "ListUsers", err, nil)
		sameKeys(t, "keys", userKeys(us), nil)
	})
	t.Run("malformed cursors are refused", func(t *testing.T) {
		f := store.UserFilter{Attribute: "name", Value: "Ab", Prefix: true}
		for _, after := range []string{"k01", "9:Ab", "-1:", "01:Ab", "1025:" + strings.Repeat("A", 1025), ":"} {
			_, err := s.ListUsers(ctx, pool, f, store.Page{After: after, Limit: 2})
			wantErr(t, fmt.Sprintf("ListUsers after %q", after), err, store.ErrInvalid)
		}
		// Bytes no PostgreSQL text holds: a backend may refuse the cursor,
		// but only as invalid.
		for _, after := range []string{"3:Ab\xffk01", "2:Abk\x0001"} {
			if _, err := s.ListUsers(ctx, pool, f, store.Page{After: after}); err != nil && !errors.Is(err, store.ErrInvalid) {
				t.Errorf("ListUsers after %q: error %v, want none or store.ErrInvalid", after, err)
			}
		}
	})
}

// testListUsersPrefixChanges changes users between the pages of a prefix
// listing. A user whose value moves across the cursor may be skipped or
// listed twice; every other user is listed exactly once, in order, and the
// listing goes on when the cursor's own user changes or goes.
func testListUsersPrefixChanges(t *testing.T, s store.Store) {
	ctx := t.Context()
	f := store.UserFilter{Attribute: "email", Value: "m", Prefix: true}
	for _, tc := range []struct {
		name   string
		change func(t *testing.T, pool string, cursor store.UserRecord)
		moved  string // the user the change may skip or repeat
	}{
		{"a listed user moves past the cursor", func(t *testing.T, pool string, _ store.UserRecord) {
			setEmail(t, s, pool, "u1", "mz@example.com")
		}, "u1"},
		{"an unlisted user moves before the cursor", func(t *testing.T, pool string, _ store.UserRecord) {
			setEmail(t, s, pool, "u7", "ma@example.com")
		}, "u7"},
		{"an unlisted user leaves the prefix", func(t *testing.T, pool string, _ store.UserRecord) {
			setEmail(t, s, pool, "u6", "x@example.com")
		}, "u6"},
		{"the cursor's user moves", func(t *testing.T, pool string, cursor store.UserRecord) {
			setEmail(t, s, pool, cursor.Key, "mzz@example.com")
		}, "u3"},
		{"the cursor's user is deleted", func(t *testing.T, pool string, cursor store.UserRecord) {
			wantErr(t, "DeleteUser", s.DeleteUser(ctx, pool, cursor.Key), nil)
		}, "u3"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pool := newPool(t, s)
			var all []string
			for i := range 8 {
				k := fmt.Sprintf("u%d", i)
				all = append(all, k)
				createUsers(t, s, newUser(pool, k, "email", fmt.Sprintf("m%d@example.com", i)))
			}
			changed := false
			got := pageThrough(t, s, pool, f, 2, func(page []store.UserRecord) {
				if last := page[len(page)-1]; !changed && last.Key == "u3" {
					tc.change(t, pool, last)
					changed = true
				}
			})
			if !changed {
				t.Fatalf("no page ended at u3: %v", got)
			}
			seen := map[string]int{}
			var others []string
			for _, k := range got {
				if seen[k]++; k != tc.moved {
					others = append(others, k)
				}
			}
			if seen[tc.moved] > 2 {
				t.Errorf("%s listed %d times", tc.moved, seen[tc.moved])
			}
			wantOthers := slices.DeleteFunc(all, func(k string) bool { return k == tc.moved })
			sameKeys(t, "the other users", others, wantOthers)
		})
	}
}

func setEmail(t *testing.T, s store.Store, pool, key, email string) {
	t.Helper()
	err := s.UpdateUser(t.Context(), pool, key, func(u store.UserRecord) (store.UserRecord, error) {
		u.Attributes["email"] = email
		return u, nil
	})
	wantErr(t, "UpdateUser", err, nil)
}

// pageThrough lists every page of f, each after store.NextUserPage of the
// last, calling between (when not nil) after each page, and returns the
// keys listed.
func pageThrough(t *testing.T, s store.Store, pool string, f store.UserFilter, limit int,
	between func(page []store.UserRecord)) []string {
	t.Helper()
	var got []string
	after := ""
	for range 100 {
		page, err := s.ListUsers(t.Context(), pool, f, store.Page{After: after, Limit: limit})
		wantErr(t, "ListUsers", err, nil)
		if limit > 0 && len(page) > limit {
			t.Fatalf("page of %d users, limit %d", len(page), limit)
		}
		if len(page) == 0 {
			return got
		}
		for _, u := range page {
			if v, _ := store.UserFilterValue(u, f.Attribute); !strings.HasPrefix(v, store.FilterValue(f.Value)) {
				t.Errorf("user %q listed with %s %q", u.Key, f.Attribute, v)
			}
		}
		got = append(got, userKeys(page)...)
		if between != nil {
			between(page)
		}
		after = store.NextUserPage(f, page[len(page)-1])
	}
	t.Fatalf("no end after 100 pages: %v", got)
	return nil
}

// byValue returns the keys whose value starts with prefix, in the order a
// prefix listing gives them: by indexed value, then key.
func byValue(values map[string]string, prefix string) []string {
	var keys []string
	for k, v := range values {
		if strings.HasPrefix(store.FilterValue(v), store.FilterValue(prefix)) {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, func(a, b string) int {
		return cmp.Or(cmp.Compare(store.FilterValue(values[a]), store.FilterValue(values[b])), cmp.Compare(a, b))
	})
	return keys
}
