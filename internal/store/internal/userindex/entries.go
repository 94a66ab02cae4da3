package userindex

import (
	"cmp"
	"slices"

	"github.com/incognito-idp/incognito/internal/store"
)

// Attributes that come from the record's own fields rather than from
// UserRecord.Attributes. The names and the "Enabled"/"Disabled" values are
// the ones Cognito's ListUsers Filter accepts.
const (
	AttrUsername   = "username"
	AttrStatus     = "status"
	AttrUserStatus = "cognito:user_status"
)

// Entry is one row of a backend's search table: the user's value for one
// filterable attribute.
type Entry struct {
	Attr  string
	Value string
}

// Entries lists the searchable values of u, as store.UserFilterValue gives
// them, sorted by attribute name.
func Entries(u store.UserRecord) []Entry {
	es := make([]Entry, 0, 3+len(store.SearchableAttributes))
	add := func(attr string) {
		if v, ok := store.UserFilterValue(u, attr); ok {
			es = append(es, Entry{attr, v})
		}
	}
	add(AttrUsername)
	add(AttrStatus)
	add(AttrUserStatus)
	for _, a := range store.SearchableAttributes {
		add(a)
	}
	slices.SortFunc(es, func(a, b Entry) int { return cmp.Compare(a.Attr, b.Attr) })
	return es
}

// DiffEntries says how to turn the search rows of old into those of new:
// rows to insert or overwrite, and attributes whose row must go. Both are
// sorted, so concurrent writers touch rows in the same order.
func DiffEntries(old, new []Entry) (set []Entry, del []string) {
	before := make(map[string]string, len(old))
	for _, e := range old {
		before[e.Attr] = e.Value
	}
	after := make(map[string]bool, len(new))
	for _, e := range new {
		after[e.Attr] = true
		if v, ok := before[e.Attr]; !ok || v != e.Value {
			set = append(set, e)
		}
	}
	for _, e := range old {
		if !after[e.Attr] {
			del = append(del, e.Attr)
		}
	}
	return set, del
}

// Split returns the attribute names and values of es as parallel slices,
// the shape bulk inserts bind.
func Split(es []Entry) (attrs, values []string) {
	attrs = make([]string, len(es))
	values = make([]string, len(es))
	for i, e := range es {
		attrs[i], values[i] = e.Attr, e.Value
	}
	return attrs, values
}
