package store

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// MaxFilterValueBytes caps the length of the value a ListUsers filter
// compares. PostgreSQL refuses B-tree entries over about 2.7 kB, and Cognito
// allows attribute values of 2048 characters, which can be 8 kB of UTF-8.
// Stored values and filter values are both cut to this many bytes, at a
// character boundary, so filters stay exact for anything shorter; two long
// values that agree on their first kilobyte are indistinguishable to a
// filter, and a prefix listing orders them by Key.
const MaxFilterValueBytes = 1024

// FilterValue returns v as backends index it and filters compare it: its
// first MaxFilterValueBytes, cut at a character boundary.
func FilterValue(v string) string {
	if len(v) <= MaxFilterValueBytes {
		return v
	}
	cut := MaxFilterValueBytes
	for cut > 0 && !utf8.RuneStart(v[cut]) {
		cut--
	}
	return v[:cut]
}

// UserFilterValue returns the value a UserFilter on attr compares for u,
// passed through FilterValue, and whether u has one: "username" is
// u.Username, "status" is "Enabled" or "Disabled", "cognito:user_status" is
// u.Status, and "sub" falls back to u.Sub when u.Attributes has none. Other
// attributes than these and SearchableAttributes have no value.
func UserFilterValue(u UserRecord, attr string) (string, bool) {
	switch attr {
	case "username":
		return FilterValue(u.Username), true
	case "status":
		if u.Enabled {
			return "Enabled", true
		}
		return "Disabled", true
	case "cognito:user_status":
		return FilterValue(u.Status), true
	}
	if !slices.Contains(SearchableAttributes, attr) {
		return "", false
	}
	if v, ok := u.Attributes[attr]; ok {
		return FilterValue(v), true
	}
	if attr == "sub" && u.Sub != "" {
		return FilterValue(u.Sub), true
	}
	return "", false
}

// NextUserPage returns the Page.After that continues a ListUsers listing
// with filter f after last, the final user of a page. It is last.Key, except
// for a prefix filter, where it is a cursor holding last's filter value and
// Key: the decimal byte length of the value, ':', the value, then the Key.
// Callers treat it as opaque; ParseUserCursor reads it back.
func NextUserPage(f UserFilter, last UserRecord) string {
	if f.Attribute == "" || !f.Prefix {
		return last.Key
	}
	value, _ := UserFilterValue(last, f.Attribute)
	return strconv.Itoa(len(value)) + ":" + value + last.Key
}

// ParseUserCursor splits a prefix listing's Page.After, as NextUserPage
// makes it, into the filter value and the Key it resumes after. Anything
// NextUserPage cannot have made is refused with an error wrapping
// ErrInvalid: a length that is not canonical decimal (no sign, no leading
// zero), exceeds MaxFilterValueBytes or the cursor itself.
func ParseUserCursor(after string) (value, key string, err error) {
	digits, rest, found := strings.Cut(after, ":")
	n, ok := cursorLength(digits)
	if !found || !ok || n > len(rest) {
		return "", "", fmt.Errorf("%w: malformed user page cursor", ErrInvalid)
	}
	return rest[:n], rest[n:], nil
}

// cursorLength parses the length of a cursor's value: at most
// MaxFilterValueBytes, in decimal digits without a leading zero.
func cursorLength(digits string) (int, bool) {
	if digits == "" || len(digits) > len(strconv.Itoa(MaxFilterValueBytes)) ||
		(digits[0] == '0' && len(digits) > 1) {
		return 0, false
	}
	n := 0
	for _, c := range []byte(digits) {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, n <= MaxFilterValueBytes
}
