package userindex

import "unicode/utf8"

// MaxValueBytes caps the length of an indexed value. PostgreSQL refuses
// B-tree entries over about 2.7 kB, and Cognito allows attribute values of
// 2048 characters, which can be 8 kB of UTF-8. Values and filter values are
// both cut to this many bytes, at a character boundary, so filters stay exact
// for anything shorter; two long values that agree on their first kilobyte
// are indistinguishable to a filter.
const MaxValueBytes = 1024

// Value returns v as the search table stores it and filters compare it.
func Value(v string) string {
	if len(v) <= MaxValueBytes {
		return v
	}
	cut := MaxValueBytes
	for cut > 0 && !utf8.RuneStart(v[cut]) {
		cut--
	}
	return v[:cut]
}
