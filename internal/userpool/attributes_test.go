package userpool

import (
	"strings"
	"testing"
)

// testSchemaPool has the standard schema with email required, and custom
// attributes of every type.
func testSchemaPool() *Pool {
	schema := StandardSchema()
	for i := range schema {
		if schema[i].Name == AttrEmail {
			schema[i].Required = true
		}
	}
	schema = append(schema,
		SchemaAttribute{Name: "custom:team", AttributeDataType: TypeString, Mutable: true,
			StringAttributeConstraints: &StringConstraints{MinLength: "2", MaxLength: "5"}},
		SchemaAttribute{Name: "custom:level", AttributeDataType: TypeNumber, Mutable: true,
			NumberAttributeConstraints: &NumberConstraints{MinValue: "1", MaxValue: "10"}},
		SchemaAttribute{Name: "custom:active", AttributeDataType: TypeBoolean, Mutable: true},
		SchemaAttribute{Name: "custom:joined", AttributeDataType: TypeDateTime, Mutable: true},
		SchemaAttribute{Name: "custom:badge", AttributeDataType: TypeString, Mutable: false},
		SchemaAttribute{Name: "dev:custom:secret", AttributeDataType: TypeString, Mutable: true, DeveloperOnlyAttribute: true},
	)
	return &Pool{ID: "us-east-1_Test12345", Schema: schema}
}

func attrs(kv ...string) []AttributeInput {
	var out []AttributeInput
	for i := 0; i < len(kv); i += 2 {
		out = append(out, Attr(kv[i], kv[i+1]))
	}
	return out
}

func TestApplyAttributesOnCreate(t *testing.T) {
	pool := testSchemaPool()
	const schemaErr = "Attributes did not conform to the schema: "
	tests := []struct {
		name    string
		in      []AttributeInput
		want    map[string]string // checked keys only
		wantErr string
	}{
		{"standard and custom", attrs("email", "ada@example.com", "name", "Ada", "custom:team", "eng"),
			map[string]string{"email": "ada@example.com", "name": "Ada", "custom:team": "eng"}, ""},
		{"immutable may be set on creation", attrs("email", "a@b.co", "custom:badge", "gold"),
			map[string]string{"custom:badge": "gold"}, ""},
		{"developer-only attribute", attrs("email", "a@b.co", "dev:custom:secret", "x"),
			map[string]string{"dev:custom:secret": "x"}, ""},
		{"boolean is normalised", attrs("email", "a@b.co", "email_verified", "TRUE"),
			map[string]string{"email_verified": "true"}, ""},
		{"number in range", attrs("email", "a@b.co", "custom:level", "10"), map[string]string{"custom:level": "10"}, ""},
		{"date time", attrs("email", "a@b.co", "custom:joined", "2024-05-01T10:00:00Z"), map[string]string{"custom:joined": "2024-05-01T10:00:00Z"}, ""},
		{"empty value is not stored", attrs("email", "a@b.co", "name", ""), map[string]string{"name": ""}, ""},

		{"required missing", attrs("name", "Ada"), nil, schemaErr + "email: The attribute is required\n"},
		{"unknown attribute", attrs("email", "a@b.co", "favorite", "x"), nil, schemaErr + "favorite: Attribute does not exist in the schema.\n"},
		{"custom without prefix", attrs("email", "a@b.co", "team", "eng"), nil, schemaErr + "team: Attribute does not exist in the schema.\n"},
		{"unknown custom", attrs("email", "a@b.co", "custom:nope", "x"), nil, schemaErr + "custom:nope: Attribute does not exist in the schema.\n"},
		{"several problems, one line each", attrs("custom:x", "1", "custom:y", "2"), nil,
			schemaErr + "custom:x: Attribute does not exist in the schema.\ncustom:y: Attribute does not exist in the schema.\nemail: The attribute is required\n"},
		{"sub cannot be set", attrs("email", "a@b.co", "sub", "x"), nil, schemaErr + "sub: Attribute cannot be updated.\n"},
		{"string too short", attrs("email", "a@b.co", "custom:team", "e"), nil,
			schemaErr + "custom:team: Attribute value must have length greater than or equal to 2.\n"},
		{"string too long", attrs("email", "a@b.co", "custom:team", "engineer"), nil,
			schemaErr + "custom:team: Attribute value must have length less than or equal to 5.\n"},
		{"not a number", attrs("email", "a@b.co", "custom:level", "ten"), nil, schemaErr + "custom:level: Attribute value must be a number.\n"},
		{"number too small", attrs("email", "a@b.co", "custom:level", "0"), nil, schemaErr + "custom:level: Attribute value must not be less than 1.\n"},
		{"number too large", attrs("email", "a@b.co", "custom:level", "11"), nil, schemaErr + "custom:level: Attribute value must not be greater than 10.\n"},
		{"not a boolean", attrs("email", "a@b.co", "custom:active", "yes"), nil, schemaErr + "custom:active: Attribute value must be true or false.\n"},
		{"not a date", attrs("email", "a@b.co", "custom:joined", "last tuesday"), nil, schemaErr + "custom:joined: Attribute value must be a date and time.\n"},
		{"value over 2048", attrs("email", "a@b.co", "name", strings.Repeat("x", 2049)), nil, schemaErr + "name: Attribute value exceeds the maximum length of 2048.\n"},
		{"birthdate has ten characters", attrs("email", "a@b.co", "birthdate", "1990-1-1"), nil,
			schemaErr + "birthdate: Attribute value must have length greater than or equal to 10.\n"},
		{"bad email", attrs("email", "not-an-email"), nil, "Invalid email address format."},
		{"email without domain", attrs("email", "ada@"), nil, "Invalid email address format."},
		{"bad phone", attrs("email", "a@b.co", "phone_number", "555-1234"), nil, "Invalid phone number format."},
		{"phone without plus", attrs("email", "a@b.co", "phone_number", "4412345678"), nil, "Invalid phone number format."},
		{"phone verified without phone", attrs("email", "a@b.co", "phone_number_verified", "true"), nil,
			"Phone number is required to verify/un-verify a phone number"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := applyAttributes(pool, nil, tt.in, true)
			if tt.wantErr != "" {
				if !IsCode(err, InvalidParameter) || err.(*Error).Message != tt.wantErr {
					t.Fatalf("got %v; want InvalidParameterException %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for k, v := range tt.want {
				if got[k] != v {
					t.Errorf("%s = %q, want %q", k, got[k], v)
				}
				if v == "" {
					if _, ok := got[k]; ok {
						t.Errorf("%s stored though empty", k)
					}
				}
			}
		})
	}
}

func TestApplyAttributesOnUpdate(t *testing.T) {
	pool := testSchemaPool()
	current := map[string]string{"sub": "s", "email": "a@b.co", "email_verified": "true", "custom:badge": "gold", "name": "Ada"}
	tests := []struct {
		name    string
		in      []AttributeInput
		want    map[string]string // "" = absent
		wantErr string
	}{
		{"change a mutable attribute", attrs("name", "Ada L."), map[string]string{"name": "Ada L.", "custom:badge": "gold"}, ""},
		{"empty value deletes", attrs("name", ""), map[string]string{"name": ""}, ""},
		{"set verified flag", attrs("email_verified", "false"), map[string]string{"email_verified": "false"}, ""},
		{"immutable", attrs("custom:badge", "silver"), nil, "user.custom:badge: Attribute cannot be updated.\n"},
		{"sub", attrs("sub", "x"), nil, "user.sub: Attribute cannot be updated.\n"},
		{"unknown", attrs("custom:nope", "x"), nil, "user.custom:nope: Attribute does not exist in the schema.\n"},
		{"required cannot be deleted", attrs("email", ""), nil, "user.email: The attribute is required\n"},
		{"several", attrs("custom:badge", "x", "nope", "y"), nil,
			"user.custom:badge: Attribute cannot be updated.\nuser.nope: Attribute does not exist in the schema.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := applyAttributes(pool, current, tt.in, false)
			if tt.wantErr != "" {
				if !IsCode(err, InvalidParameter) || err.(*Error).Message != tt.wantErr {
					t.Fatalf("got %v; want InvalidParameterException %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for k, v := range tt.want {
				if got[k] != v {
					t.Errorf("%s = %q, want %q", k, got[k], v)
				}
			}
			if current["name"] != "Ada" {
				t.Fatal("applyAttributes modified its input")
			}
		})
	}
}

func TestDeleteAttributes(t *testing.T) {
	pool := testSchemaPool()
	current := map[string]string{"sub": "s", "email": "a@b.co", "email_verified": "true",
		"phone_number": "+15550100", "phone_number_verified": "true", "custom:badge": "gold", "name": "Ada"}
	tests := []struct {
		name    string
		names   []string
		gone    []string
		kept    []string
		wantErr string
	}{
		{"standard", []string{"name"}, []string{"name"}, []string{"email"}, ""},
		{"phone takes its flag along", []string{"phone_number"}, []string{"phone_number", "phone_number_verified"}, []string{"email_verified"}, ""},
		{"required", []string{"email"}, nil, nil, "user.email: The attribute is required\n"},
		{"immutable", []string{"custom:badge"}, nil, nil, "user.custom:badge: Attribute cannot be updated.\n"},
		{"unknown", []string{"custom:nope"}, nil, nil, "user.custom:nope: Attribute does not exist in the schema.\n"},
		{"absent attribute is fine", []string{"nickname"}, []string{"nickname"}, []string{"name"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := deleteAttributes(pool, current, tt.names)
			if tt.wantErr != "" {
				if !IsCode(err, InvalidParameter) || err.(*Error).Message != tt.wantErr {
					t.Fatalf("got %v; want InvalidParameterException %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for _, k := range tt.gone {
				if _, ok := got[k]; ok {
					t.Errorf("%s still there", k)
				}
			}
			for _, k := range tt.kept {
				if _, ok := got[k]; !ok {
					t.Errorf("%s removed", k)
				}
			}
		})
	}
}

func TestEmptySchemaMeansStandard(t *testing.T) {
	pool := &Pool{ID: "us-east-1_Test12345"}
	got, err := applyAttributes(pool, nil, attrs("email", "a@b.co", "given_name", "Ada", "updated_at", "1700000000"), true)
	if err != nil {
		t.Fatal(err)
	}
	if got["given_name"] != "Ada" || got["updated_at"] != "1700000000" {
		t.Fatalf("got %v", got)
	}
	if _, err := applyAttributes(pool, nil, attrs("custom:team", "x"), true); err == nil {
		t.Fatal("custom attribute accepted by a pool without it")
	}
}
