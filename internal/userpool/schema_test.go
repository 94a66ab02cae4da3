package userpool

import (
	"testing"
)

func strp(s string) *string { return &s }
func boolp(b bool) *bool    { return &b }

func TestBuildSchema(t *testing.T) {
	cases := []struct {
		name    string
		in      []SchemaAttributeInput
		check   func(t *testing.T, s []SchemaAttribute)
		wantErr string
	}{
		{name: "standard only", check: func(t *testing.T, s []SchemaAttribute) {
			if len(s) != 21 || s[0].Name != "sub" || s[20].Name != "identities" {
				t.Errorf("standard schema = %d attributes", len(s))
			}
		}},
		{name: "required standard", in: []SchemaAttributeInput{{Name: strp("email"), Required: boolp(true), Mutable: boolp(false)}},
			check: func(t *testing.T, s []SchemaAttribute) {
				a := s[10]
				if a.Name != "email" || !a.Required || a.Mutable || a.StringAttributeConstraints.MaxLength != "2048" {
					t.Errorf("email = %+v", a)
				}
			}},
		{name: "custom and developer-only", in: []SchemaAttributeInput{
			{Name: strp("team"), AttributeDataType: TypeString},
			{Name: strp("level"), AttributeDataType: TypeNumber, DeveloperOnlyAttribute: boolp(true),
				NumberAttributeConstraints: &NumberConstraints{MinValue: "-5", MaxValue: "99999999999999999999"}},
			{Name: strp("custom:x"), AttributeDataType: TypeBoolean},
		}, check: func(t *testing.T, s []SchemaAttribute) {
			names := []string{s[21].Name, s[22].Name, s[23].Name}
			if names[0] != "custom:team" || names[1] != "dev:custom:level" || names[2] != "custom:custom:x" {
				t.Errorf("names = %v", names)
			}
			if !s[21].Mutable || s[21].StringAttributeConstraints == nil || s[23].StringAttributeConstraints != nil {
				t.Errorf("custom attributes = %+v", s[21:])
			}
		}},
		{name: "required custom", in: []SchemaAttributeInput{{Name: strp("team"), AttributeDataType: TypeString, Required: boolp(true)}},
			wantErr: "InvalidParameterException: Required custom attributes are not supported currently."},
		{name: "duplicate custom", in: []SchemaAttributeInput{{Name: strp("a"), AttributeDataType: TypeString}, {Name: strp("a"), AttributeDataType: TypeNumber}},
			wantErr: "InvalidParameterException: Existing attribute already has name custom:a."},
		{name: "sub mutable", in: []SchemaAttributeInput{{Name: strp("sub"), Mutable: boolp(true)}},
			wantErr: "InvalidParameterException: The sub attribute cannot be modified."},
		{name: "developer-only standard", in: []SchemaAttributeInput{{Name: strp("name"), DeveloperOnlyAttribute: boolp(true)}},
			wantErr: "InvalidParameterException: Standard attribute name cannot be a developer-only attribute."},
		{name: "string bounds reversed", in: []SchemaAttributeInput{{Name: strp("t"), AttributeDataType: TypeString,
			StringAttributeConstraints: &StringConstraints{MinLength: "10", MaxLength: "2"}}},
			wantErr: "InvalidParameterException: Invalid StringAttributeConstraints for attribute custom:t: MinLength and MaxLength must be whole numbers from 0 to 2048 with MinLength <= MaxLength."},
		{name: "string bound too large", in: []SchemaAttributeInput{{Name: strp("t"), AttributeDataType: TypeString,
			StringAttributeConstraints: &StringConstraints{MaxLength: "2049"}}},
			wantErr: "InvalidParameterException: Invalid StringAttributeConstraints for attribute custom:t: MinLength and MaxLength must be whole numbers from 0 to 2048 with MinLength <= MaxLength."},
		{name: "number bound not a number", in: []SchemaAttributeInput{{Name: strp("n"), AttributeDataType: TypeNumber,
			NumberAttributeConstraints: &NumberConstraints{MinValue: "one"}}},
			wantErr: "InvalidParameterException: Invalid NumberAttributeConstraints for attribute custom:n: MinValue and MaxValue must be integers with MinValue <= MaxValue."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := buildSchema(c.in)
			if c.wantErr != "" {
				if err == nil || err.Error() != c.wantErr {
					t.Fatalf("err = %v, want %s", err, c.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			c.check(t, s)
		})
	}
}

func TestStandardSchemaIsACopy(t *testing.T) {
	a := StandardSchema()
	a[0].Mutable = true
	a[1].StringAttributeConstraints.MaxLength = "1"
	b := StandardSchema()
	if b[0].Mutable || b[1].StringAttributeConstraints.MaxLength != "2048" {
		t.Error("StandardSchema shares state between calls")
	}
}
