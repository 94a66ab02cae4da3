package userindex

import (
	"fmt"
	"slices"
	"unicode/utf8"

	"github.com/incognito-idp/incognito/internal/store"
)

// CheckFilter rejects, with an error wrapping store.ErrInvalid, a filter on
// an attribute the store does not index. The zero filter (no attribute) is
// valid and matches every user.
func CheckFilter(f store.UserFilter) error {
	switch {
	case f.Attribute == "":
		if f.Value != "" || f.Prefix {
			return fmt.Errorf("%w: user filter has a value but no attribute", store.ErrInvalid)
		}
		return nil
	case f.Attribute == AttrUsername, f.Attribute == AttrStatus, f.Attribute == AttrUserStatus,
		slices.Contains(store.SearchableAttributes, f.Attribute):
		return nil
	}
	return fmt.Errorf("%w: cannot filter users on attribute %q", store.ErrInvalid, f.Attribute)
}

// PrefixEnd returns the smallest string greater than every string that
// starts with p, so that "value >= p AND value < end" selects exactly the
// values with prefix p under byte-wise (UTF-8 code point) ordering: SQLite's
// BINARY collation and PostgreSQL's "C". ok is false when no such bound
// exists (p is empty or only U+10FFFF), and the scan is then unbounded above.
//
// For valid UTF-8 the bound is valid UTF-8 too (PostgreSQL rejects anything
// else): the last code point that can be incremented is, skipping the
// surrogate range, and everything after it dropped.
func PrefixEnd(p string) (end string, ok bool) {
	if !utf8.ValidString(p) {
		return bytePrefixEnd(p)
	}
	rs := []rune(p)
	for len(rs) > 0 {
		last := rs[len(rs)-1]
		rs = rs[:len(rs)-1]
		if last == utf8.MaxRune {
			continue
		}
		next := last + 1
		if next == 0xD800 { // surrogates are not code points UTF-8 may encode
			next = 0xE000
		}
		return string(append(rs, next)), true
	}
	return "", false
}

func bytePrefixEnd(p string) (string, bool) {
	b := []byte(p)
	for len(b) > 0 {
		last := b[len(b)-1]
		b = b[:len(b)-1]
		if last < 0xFF {
			return string(append(b, last+1)), true
		}
	}
	return "", false
}

// PrefixRange is the stretch of a pool's values of one attribute, in
// (value, key) order, that a page of a prefix listing reads.
type PrefixRange struct {
	// Start is the prefix on the first page: the range holds the values
	// >= Start. After a cursor (After true) it is the cursor's value, and
	// the range holds the (value, key) pairs > (Start, AfterKey).
	Start    string
	AfterKey string
	After    bool
	// End, when Bounded, is the first value past the range (PrefixEnd).
	End     string
	Bounded bool
}

// Prefix returns the range a page of ListUsers with the prefix filter f
// reads, after the cursor after ("" for the first page, otherwise made by
// store.NextUserPage). A malformed cursor is an error wrapping
// store.ErrInvalid. A cursor before the prefix (made for another filter)
// starts at the prefix; one past it gives a range that holds nothing.
func Prefix(f store.UserFilter, after string) (PrefixRange, error) {
	r := PrefixRange{Start: store.FilterValue(f.Value)}
	r.End, r.Bounded = PrefixEnd(r.Start)
	if after == "" {
		return r, nil
	}
	value, key, err := store.ParseUserCursor(after)
	if err != nil {
		return PrefixRange{}, err
	}
	if value >= r.Start {
		r.Start, r.AfterKey, r.After = value, key, true
	}
	return r, nil
}
