package userindex

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/incognito-idp/incognito/internal/store"
)

func TestPrefixEnd(t *testing.T) {
	tests := []struct {
		name, prefix, end string
		ok                bool
	}{
		{"empty has no bound", "", "", false},
		{"ascii", "ab", "ac", true},
		{"wildcard characters are plain bytes", "a%_", "a%`", true},
		{"two-byte rune", "é", "ê", true},
		{"max rune is dropped", "a\U0010FFFF", "b", true},
		{"only max runes", "\U0010FFFF\U0010FFFF", "", false},
		{"skips surrogates", "a\uD7FF", "a\uE000", true},
		{"invalid utf-8 falls back to bytes", "a\xff", "b", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			end, ok := PrefixEnd(tc.prefix)
			if end != tc.end || ok != tc.ok {
				t.Fatalf("PrefixEnd(%q) = %q, %v; want %q, %v", tc.prefix, end, ok, tc.end, tc.ok)
			}
			if ok && utf8.ValidString(tc.prefix) && !utf8.ValidString(end) {
				t.Fatalf("PrefixEnd(%q) = %q is not valid UTF-8", tc.prefix, end)
			}
		})
	}
}

// TestPrefixEndSelectsExactlyThePrefix checks the range against
// strings.HasPrefix over values chosen to sit near the bounds.
func TestPrefixEndSelectsExactlyThePrefix(t *testing.T) {
	values := []string{"", "a", "ab", "ab\x00", "abc", "ac", "b", "é", "éa", "ê",
		"a\U0010FFFF", "a\U0010FFFFz", "b\x00", "\uD7FF", "\uE000", "\U0010FFFF"}
	for _, p := range values {
		end, bounded := PrefixEnd(p)
		for _, v := range values {
			inRange := v >= p && (!bounded || v < end)
			if inRange != strings.HasPrefix(v, p) {
				t.Errorf("prefix %q, value %q: in range = %v, HasPrefix = %v", p, v, inRange, !inRange)
			}
		}
	}
}

func TestEntries(t *testing.T) {
	u := store.UserRecord{
		Username: "Ada", Sub: "s-1", Status: "CONFIRMED", Enabled: false,
		Attributes: map[string]string{"email": "ada@example.com", "custom:team": "x"},
	}
	got := Entries(u)
	want := []Entry{
		{AttrUserStatus, "CONFIRMED"}, {"email", "ada@example.com"},
		{AttrStatus, "Disabled"}, {"sub", "s-1"}, {AttrUsername, "Ada"},
	}
	if !slices.Equal(got, want) {
		t.Fatalf("Entries = %v, want %v", got, want)
	}
}

func TestDiff(t *testing.T) {
	old := []Entry{{"a", "1"}, {"b", "2"}, {"c", "3"}}
	new := []Entry{{"a", "1"}, {"b", "9"}, {"d", "4"}}
	set, del := DiffEntries(old, new)
	if want := []Entry{{"b", "9"}, {"d", "4"}}; !slices.Equal(set, want) {
		t.Errorf("set = %v, want %v", set, want)
	}
	if want := []string{"c"}; !slices.Equal(del, want) {
		t.Errorf("del = %v, want %v", del, want)
	}
	add, rm := DiffClaims(Claims([]string{"y", "x", "x"}), Claims([]string{"z", "x"}))
	if !slices.Equal(add, []string{"z"}) || !slices.Equal(rm, []string{"y"}) {
		t.Errorf("DiffClaims = %v, %v; want [z], [y]", add, rm)
	}
}

func TestCheckFilter(t *testing.T) {
	tests := []struct {
		name string
		f    store.UserFilter
		ok   bool
	}{
		{"zero", store.UserFilter{}, true},
		{"email", store.UserFilter{Attribute: "email", Value: "a"}, true},
		{"status", store.UserFilter{Attribute: "status", Value: "Enabled"}, true},
		{"user status", store.UserFilter{Attribute: "cognito:user_status", Value: "CONFIRMED", Prefix: true}, true},
		{"custom attribute", store.UserFilter{Attribute: "custom:team", Value: "a"}, false},
		{"value without attribute", store.UserFilter{Value: "a"}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := CheckFilter(tc.f)
			if (err == nil) != tc.ok || (err != nil && !errors.Is(err, store.ErrInvalid)) {
				t.Fatalf("CheckFilter(%+v) = %v, want ok=%v or store.ErrInvalid", tc.f, err, tc.ok)
			}
		})
	}
}

func TestPrefix(t *testing.T) {
	f := store.UserFilter{Attribute: "email", Value: "bo", Prefix: true}
	cursor := func(value, key string) string {
		return store.NextUserPage(f, store.UserRecord{Key: key, Attributes: map[string]string{"email": value}})
	}
	tests := []struct {
		name   string
		filter store.UserFilter
		after  string
		want   PrefixRange
	}{
		{"first page", f, "", PrefixRange{Start: "bo", End: "bp", Bounded: true}},
		{"after a cursor", f, cursor("bob@x", "k"), PrefixRange{Start: "bob@x", AfterKey: "k", After: true, End: "bp", Bounded: true}},
		{"cursor on the prefix itself", f, cursor("bo", "k"), PrefixRange{Start: "bo", AfterKey: "k", After: true, End: "bp", Bounded: true}},
		{"cursor before the prefix starts at it", f, cursor("alice", "k"), PrefixRange{Start: "bo", End: "bp", Bounded: true}},
		{"cursor past the prefix", f, cursor("carol", "k"), PrefixRange{Start: "carol", AfterKey: "k", After: true, End: "bp", Bounded: true}},
		{"empty prefix", store.UserFilter{Attribute: "email", Prefix: true}, cursor("x", ""), PrefixRange{Start: "x", After: true}},
		{"long prefix is cut", store.UserFilter{Attribute: "email", Value: strings.Repeat("a", 2000), Prefix: true}, "",
			PrefixRange{Start: strings.Repeat("a", store.MaxFilterValueBytes), End: strings.Repeat("a", store.MaxFilterValueBytes-1) + "b", Bounded: true}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Prefix(tc.filter, tc.after)
			if err != nil || got != tc.want {
				t.Fatalf("Prefix(%q) = %+v, %v; want %+v", tc.after, got, err, tc.want)
			}
		})
	}
	if _, err := Prefix(f, "bob"); !errors.Is(err, store.ErrInvalid) {
		t.Fatalf("Prefix accepted a key as a cursor: %v", err)
	}
}
