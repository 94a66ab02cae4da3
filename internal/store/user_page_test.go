package store

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFilterValue(t *testing.T) {
	long := strings.Repeat("x", MaxFilterValueBytes-1) + "日本" // 日 straddles the cap
	tests := []struct {
		name, in, want string
	}{
		{"short", "abc", "abc"},
		{"exactly the cap", strings.Repeat("a", MaxFilterValueBytes), strings.Repeat("a", MaxFilterValueBytes)},
		{"cut at a character boundary", long, strings.Repeat("x", MaxFilterValueBytes-1)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := FilterValue(tc.in)
			if got != tc.want || !utf8.ValidString(got) || len(got) > MaxFilterValueBytes {
				t.Fatalf("FilterValue(%d bytes) = %d bytes, want %d", len(tc.in), len(got), len(tc.want))
			}
		})
	}
}

func TestUserFilterValue(t *testing.T) {
	u := UserRecord{
		Key: "ada", Username: "Ada", Sub: "s-1", Status: "CONFIRMED", Enabled: false,
		Attributes: map[string]string{"email": strings.Repeat("e", 2000), "custom:team": "x"},
	}
	tests := []struct {
		attr, want string
		ok         bool
	}{
		{"username", "Ada", true},
		{"status", "Disabled", true},
		{"cognito:user_status", "CONFIRMED", true},
		{"email", strings.Repeat("e", MaxFilterValueBytes), true},
		{"sub", "s-1", true},
		{"name", "", false},
		{"custom:team", "", false},
	}
	for _, tc := range tests {
		got, ok := UserFilterValue(u, tc.attr)
		if got != tc.want || ok != tc.ok {
			t.Errorf("UserFilterValue(%q) = %q, %v; want %q, %v", tc.attr, got, ok, tc.want, tc.ok)
		}
	}
	u.Enabled, u.Attributes["sub"] = true, "s-attr"
	if got, _ := UserFilterValue(u, "status"); got != "Enabled" {
		t.Errorf("status of an enabled user = %q", got)
	}
	if got, _ := UserFilterValue(u, "sub"); got != "s-attr" {
		t.Errorf("sub = %q, want the attribute's", got)
	}
}

func TestNextUserPage(t *testing.T) {
	u := UserRecord{Key: "k:1", Username: "K", Attributes: map[string]string{"email": "3:ab"}}
	tests := []struct {
		name   string
		filter UserFilter
		want   string
	}{
		{"no filter", UserFilter{}, "k:1"},
		{"equal", UserFilter{Attribute: "email", Value: "3:ab"}, "k:1"},
		{"prefix", UserFilter{Attribute: "email", Value: "3", Prefix: true}, "4:3:abk:1"},
		{"prefix on an attribute the user lacks", UserFilter{Attribute: "name", Prefix: true}, "0:k:1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := NextUserPage(tc.filter, u); got != tc.want {
				t.Fatalf("NextUserPage = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestParseUserCursor(t *testing.T) {
	long := strings.Repeat("é", MaxFilterValueBytes) // cut to 1024 bytes, 512 runes
	tests := []struct {
		name, value, key string
	}{
		{"plain", "alice@example.com", "alice"},
		{"separator in both", "1:2:3", ":a:"},
		{"empty value", "", "k"},
		{"empty key", "v", ""},
		{"digits", "12", "34"},
		{"non-UTF-8 bytes", "\xff\x00", "\xfe"},
		{"longest value", long, "k"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			u := UserRecord{Key: tc.key, Attributes: map[string]string{"name": tc.value}}
			after := NextUserPage(UserFilter{Attribute: "name", Prefix: true}, u)
			value, key, err := ParseUserCursor(after)
			if err != nil || value != FilterValue(tc.value) || key != tc.key {
				t.Fatalf("ParseUserCursor(%q) = %q, %q, %v", after, value, key, err)
			}
		})
	}

	for _, bad := range []string{
		"", "alice", ":", "x:", "-1:", "+1:a", "01:a", "00:", "1:", "5:abcd", " 1:a", "1 :a",
		"1025:" + strings.Repeat("a", 1025), "99999:a", "0x1:a", "１:a",
	} {
		if value, key, err := ParseUserCursor(bad); !errors.Is(err, ErrInvalid) {
			t.Errorf("ParseUserCursor(%q) = %q, %q, %v; want ErrInvalid", bad, value, key, err)
		}
	}
}

// FuzzParseUserCursor checks that the cursor parser never panics, refuses
// with ErrInvalid, and accepts only what NextUserPage makes: whatever parses
// is made again, byte for byte, from the value and key it parsed into.
func FuzzParseUserCursor(f *testing.F) {
	for _, seed := range []string{
		"", "0:", "5:alicealice", "3:1:21:", "1024:" + strings.Repeat("a", 1024), "1025:a", "01:a", "-0:", "9:",
		"2:\xff\x00k",
	} {
		f.Add(seed)
	}
	prefix := UserFilter{Attribute: "email", Value: "", Prefix: true}
	f.Fuzz(func(t *testing.T, after string) {
		value, key, err := ParseUserCursor(after)
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("ParseUserCursor(%q): error of the wrong kind: %v", after, err)
			}
			return
		}
		if len(value) > MaxFilterValueBytes {
			t.Fatalf("ParseUserCursor(%q) accepted a value of %d bytes", after, len(value))
		}
		u := UserRecord{Key: key, Attributes: map[string]string{"email": value}}
		if again := NextUserPage(prefix, u); again != after {
			t.Fatalf("ParseUserCursor(%q) = %q, %q, which NextUserPage makes into %q", after, value, key, again)
		}
	})
}

// FuzzUserCursorRoundTrip checks that any value and key, whatever their
// bytes, come back from the cursor of a user holding them.
func FuzzUserCursorRoundTrip(f *testing.F) {
	f.Add("alice@example.com", "alice")
	f.Add("3:a", "1:")
	f.Add(strings.Repeat("日本", 600), "k")
	f.Add("\xff", "")
	f.Fuzz(func(t *testing.T, value, key string) {
		u := UserRecord{Key: key, Attributes: map[string]string{"given_name": value}}
		after := NextUserPage(UserFilter{Attribute: "given_name", Value: "x", Prefix: true}, u)
		gotValue, gotKey, err := ParseUserCursor(after)
		if err != nil || gotValue != FilterValue(value) || gotKey != key {
			t.Fatalf("cursor %q of (%q, %q) parsed into %q, %q, %v", after, value, key, gotValue, gotKey, err)
		}
	})
}
