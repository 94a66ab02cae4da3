package userpool

import (
	"testing"
)

func TestParseFilter(t *testing.T) {
	const syntax = "Error while parsing filter."
	tests := []struct {
		name    string
		in      string
		want    Filter
		wantErr string
	}{
		{"empty matches all", "", Filter{}, ""},
		{"blank matches all", "   \t", Filter{}, ""},
		{"exact with spaces", `email = "ada@example.com"`, Filter{"email", "ada@example.com", false}, ""},
		{"exact without spaces", `email="ada@example.com"`, Filter{"email", "ada@example.com", false}, ""},
		{"prefix", `phone_number ^= "+44"`, Filter{"phone_number", "+44", true}, ""},
		{"prefix without spaces", `given_name^="Jo"`, Filter{"given_name", "Jo", true}, ""},
		{"surrounding space", "  family_name = \"Reddy\"  ", Filter{"family_name", "Reddy", false}, ""},
		{"empty value", `family_name = ""`, Filter{"family_name", "", false}, ""},
		{"escaped quote", `name = "say \"hi\""`, Filter{"name", `say "hi"`, false}, ""},
		{"escaped backslash", `name = "a\\b"`, Filter{"name", `a\b`, false}, ""},
		{"value with spaces and operators", `name = "a ^= b = c"`, Filter{"name", "a ^= b = c", false}, ""},
		{"user status", `cognito:user_status = "CONFIRMED"`, Filter{"cognito:user_status", "CONFIRMED", false}, ""},
		{"enabled status", `status = "Disabled"`, Filter{"status", "Disabled", false}, ""},
		{"username", `username ^= "ad"`, Filter{"username", "ad", true}, ""},
		{"sub", `sub = "0d5c6f6e-0000-4000-8000-000000000000"`, Filter{"sub", "0d5c6f6e-0000-4000-8000-000000000000", false}, ""},
		{"preferred username", `preferred_username = "ada"`, Filter{"preferred_username", "ada", false}, ""},
		{"unicode value", `name = "Zoë 山田"`, Filter{"name", "Zoë 山田", false}, ""},

		{"unquoted value", `username = foo`, Filter{}, syntax},
		{"missing value", `username=`, Filter{}, syntax},
		{"single quotes", `email = 'a@b.c'`, Filter{}, syntax},
		{"unterminated quote", `email = "a@b.c`, Filter{}, syntax},
		{"dangling escape", `email = "a\`, Filter{}, syntax},
		{"no operator", `email "a"`, Filter{}, syntax},
		{"unknown operator", `email != "a"`, Filter{}, syntax},
		{"caret alone", `email ^ "a"`, Filter{}, syntax},
		{"double equals", `email == "a"`, Filter{}, syntax},
		{"trailing garbage", `email = "a" and name = "b"`, Filter{}, syntax},
		{"no attribute", `= "a"`, Filter{}, syntax},
		{"attribute only", `email`, Filter{}, syntax},

		{"custom attribute", `custom:team = "x"`, Filter{}, "Invalid search attribute: custom:team"},
		{"unknown attribute", `nickname = "x"`, Filter{}, "Invalid search attribute: nickname"},
		{"attribute names are case-sensitive", `Email = "x"`, Filter{}, "Invalid search attribute: Email"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseFilter(tt.in)
			if tt.wantErr != "" {
				if !IsCode(err, InvalidParameter) || err.(*Error).Message != tt.wantErr {
					t.Fatalf("got %v, %v; want InvalidParameterException %q", got, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("error %v", err)
			}
			if got != tt.want {
				t.Fatalf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestFilterStoreMapping(t *testing.T) {
	f, err := ParseFilter(`cognito:user_status ^= "force"`)
	if err != nil {
		t.Fatal(err)
	}
	sf := f.storeFilter()
	if sf.Attribute != "cognito:user_status" || sf.Value != "FORCE" || !sf.Prefix {
		t.Fatalf("store filter %+v", sf)
	}
	f, _ = ParseFilter(`status = "Enabled"`)
	if sf := f.storeFilter(); sf.Value != "Enabled" {
		t.Fatalf("status value changed: %+v", sf)
	}
}

// FuzzParseFilter checks that the parser never panics, that everything it
// accepts names a searchable attribute, and that what it accepts survives
// a round trip through String.
func FuzzParseFilter(f *testing.F) {
	for _, seed := range []string{
		"", `email = "a@b.c"`, `name ^= "x\"y"`, `status="Enabled"`, `custom:x = "1"`,
		`username = foo`, `email = "a\`, "\x00", `sub ^= ""`, `  given_name  ^=  "Jo"  `,
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got, err := ParseFilter(in)
		if err != nil {
			if !IsCode(err, InvalidParameter) {
				t.Fatalf("error of the wrong kind: %v", err)
			}
			return
		}
		if got.Attribute == "" {
			if got.Value != "" || got.Prefix {
				t.Fatalf("match-all filter carries a value: %+v", got)
			}
			return
		}
		if !contains(SearchableAttributes, got.Attribute) {
			t.Fatalf("accepted unsearchable attribute %q", got.Attribute)
		}
		again, err := ParseFilter(got.String())
		if err != nil || again != got {
			t.Fatalf("round trip of %+v through %q gave %+v, %v", got, got.String(), again, err)
		}
	})
}
