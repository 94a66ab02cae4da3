package userindex

import (
	"fmt"
	"slices"
	"unicode/utf8"

	"github.com/incognito-idp/incognito/internal/store"
)

// CheckFilter rejects a filter on an attribute the store does not index.
// The zero filter (no attribute) is valid and matches every user.
func CheckFilter(f store.UserFilter) error {
	switch {
	case f.Attribute == "":
		if f.Value != "" || f.Prefix {
			return fmt.Errorf("store: user filter has a value but no attribute")
		}
		return nil
	case f.Attribute == AttrUsername, f.Attribute == AttrStatus, f.Attribute == AttrUserStatus,
		slices.Contains(store.SearchableAttributes, f.Attribute):
		return nil
	}
	return fmt.Errorf("store: cannot filter users on attribute %q", f.Attribute)
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
