package userpool

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
)

// Attribute data types (AttributeDataType).
const (
	TypeString   = "String"
	TypeNumber   = "Number"
	TypeDateTime = "DateTime"
	TypeBoolean  = "Boolean"
)

// Prefixes of non-standard attribute names. A developer-only attribute is
// named "dev:custom:<name>", as DescribeUserPool shows it.
const (
	CustomPrefix    = "custom:"
	DeveloperPrefix = "dev:"
)

// maxCustomAttributes is Cognito's quota of custom attributes per pool.
const maxCustomAttributes = 50

// SchemaAttributeInput is one member of CreateUserPool's Schema or
// AddCustomAttributes' CustomAttributes as sent; nil means omitted.
type SchemaAttributeInput struct {
	Name                       *string
	AttributeDataType          string
	DeveloperOnlyAttribute     *bool
	Mutable                    *bool
	Required                   *bool
	NumberAttributeConstraints *NumberConstraints
	StringAttributeConstraints *StringConstraints
}

func stringAttr(name, min, max string) SchemaAttribute {
	return SchemaAttribute{Name: name, AttributeDataType: TypeString, Mutable: true,
		StringAttributeConstraints: &StringConstraints{MinLength: min, MaxLength: max}}
}

// StandardSchema is the schema every pool starts with, in the order and
// with the constraints Cognito's DescribeUserPool shows (OpenID Connect
// standard claims plus sub and identities).
func StandardSchema() []SchemaAttribute {
	free := func(name string) SchemaAttribute { return stringAttr(name, "0", "2048") }
	sub := stringAttr("sub", "1", "2048")
	sub.Mutable, sub.Required = false, true
	boolean := func(name string) SchemaAttribute {
		return SchemaAttribute{Name: name, AttributeDataType: TypeBoolean, Mutable: true}
	}
	return []SchemaAttribute{
		sub,
		free("name"), free("given_name"), free("family_name"), free("middle_name"),
		free("nickname"), free("preferred_username"), free("profile"), free("picture"),
		free("website"), free("email"), boolean("email_verified"), free("gender"),
		stringAttr("birthdate", "10", "10"), free("zoneinfo"), free("locale"),
		free("phone_number"), boolean("phone_number_verified"), free("address"),
		{Name: "updated_at", AttributeDataType: TypeNumber, Mutable: true,
			NumberAttributeConstraints: &NumberConstraints{MinValue: "0"}},
		{Name: "identities", AttributeDataType: TypeString, Mutable: true,
			StringAttributeConstraints: &StringConstraints{}},
	}
}

// IsStandardAttribute reports whether name is one of the standard schema's.
func IsStandardAttribute(name string) bool {
	for _, a := range StandardSchema() {
		if a.Name == name {
			return true
		}
	}
	return false
}

// customName is the name a schema input gets: standard names stay, others
// become custom:<name> or, developer-only, dev:custom:<name>. Like Cognito,
// a name that already starts with custom: is prefixed again.
func customName(name string, developerOnly bool) string {
	if developerOnly {
		return DeveloperPrefix + CustomPrefix + name
	}
	return CustomPrefix + name
}

// checkSchemaInputs applies the model constraints of SchemaAttributeType to
// every member of list at path ("schema" or "customAttributes").
func checkSchemaInputs(c *checker, path string, list []SchemaAttributeInput, min, max int) {
	names := make([]string, len(list))
	for i, a := range list {
		if a.Name != nil {
			names[i] = *a.Name
		}
	}
	c.listLen(path, listValue(names), len(list), min, max)
	for i, a := range list {
		p := fmt.Sprintf("%s.%d.member", path, i+1)
		c.optStr(p+".name", a.Name, 1, 20, patAttrName)
		c.enum(p+".attributeDataType", a.AttributeDataType, TypeString, TypeNumber, TypeDateTime, TypeBoolean)
		for _, s := range []struct {
			name string
			v    string
		}{
			{"numberAttributeConstraints.minValue", numberMin(a.NumberAttributeConstraints)},
			{"numberAttributeConstraints.maxValue", numberMax(a.NumberAttributeConstraints)},
			{"stringAttributeConstraints.minLength", stringMin(a.StringAttributeConstraints)},
			{"stringAttributeConstraints.maxLength", stringMax(a.StringAttributeConstraints)},
		} {
			c.str(p+"."+s.name, s.v, 0, 131072, modelPattern{})
		}
	}
}

func numberMin(n *NumberConstraints) string {
	if n == nil {
		return ""
	}
	return n.MinValue
}

func numberMax(n *NumberConstraints) string {
	if n == nil {
		return ""
	}
	return n.MaxValue
}

func stringMin(s *StringConstraints) string {
	if s == nil {
		return ""
	}
	return s.MinLength
}

func stringMax(s *StringConstraints) string {
	if s == nil {
		return ""
	}
	return s.MaxLength
}

// customAttribute turns an input into a custom attribute definition, with
// Cognito's rules: a data type is needed, custom attributes cannot be
// required, constraints must be numbers in order.
func customAttribute(in SchemaAttributeInput) (SchemaAttribute, error) {
	dev := in.DeveloperOnlyAttribute != nil && *in.DeveloperOnlyAttribute
	a := SchemaAttribute{
		Name:                   customName(*in.Name, dev),
		AttributeDataType:      in.AttributeDataType,
		DeveloperOnlyAttribute: dev,
		Mutable:                true,
	}
	if in.Mutable != nil {
		a.Mutable = *in.Mutable
	}
	if in.Required != nil && *in.Required {
		return a, Invalid("Required custom attributes are not supported currently.")
	}
	if a.AttributeDataType == "" {
		return a, Invalid("Invalid AttributeDataType input, consider using the provided AttributeDataType enum.")
	}
	if err := setConstraints(&a, in); err != nil {
		return a, err
	}
	return a, nil
}

// setConstraints validates and keeps the constraints that fit a's type.
// String and Number attributes always carry their constraints object, as
// DescribeUserPool shows them ({} when unbounded).
func setConstraints(a *SchemaAttribute, in SchemaAttributeInput) error {
	switch a.AttributeDataType {
	case TypeString:
		sc := StringConstraints{}
		if in.StringAttributeConstraints != nil {
			sc = *in.StringAttributeConstraints
		} else if a.StringAttributeConstraints != nil {
			sc = *a.StringAttributeConstraints
		}
		min, okMin := lengthBound(sc.MinLength)
		max, okMax := lengthBound(sc.MaxLength)
		if !okMin || !okMax || (sc.MinLength != "" && sc.MaxLength != "" && min > max) {
			return Invalid("Invalid StringAttributeConstraints for attribute %s: MinLength and MaxLength must be whole numbers from 0 to 2048 with MinLength <= MaxLength.", a.Name)
		}
		a.StringAttributeConstraints = &sc
	case TypeNumber:
		nc := NumberConstraints{}
		if in.NumberAttributeConstraints != nil {
			nc = *in.NumberAttributeConstraints
		} else if a.NumberAttributeConstraints != nil {
			nc = *a.NumberAttributeConstraints
		}
		min, okMin := numberBound(nc.MinValue)
		max, okMax := numberBound(nc.MaxValue)
		if !okMin || !okMax || (min != nil && max != nil && min.Cmp(max) > 0) {
			return Invalid("Invalid NumberAttributeConstraints for attribute %s: MinValue and MaxValue must be integers with MinValue <= MaxValue.", a.Name)
		}
		a.NumberAttributeConstraints = &nc
	}
	return nil
}

func lengthBound(s string) (int, bool) {
	if s == "" {
		return 0, true
	}
	n, err := strconv.Atoi(s)
	return n, err == nil && n >= 0 && n <= 2048
}

func numberBound(s string) (*big.Int, bool) {
	if s == "" {
		return nil, true
	}
	n, ok := new(big.Int).SetString(s, 10)
	return n, ok
}

// buildSchema is CreateUserPool's schema: the standard attributes, with
// Required/Mutable/constraints of those the request names, then its custom
// attributes in order.
func buildSchema(list []SchemaAttributeInput) ([]SchemaAttribute, error) {
	schema := StandardSchema()
	index := map[string]int{}
	for i, a := range schema {
		index[a.Name] = i
	}
	for _, in := range list {
		name := *in.Name
		i, standard := index[name]
		if !standard {
			a, err := customAttribute(in)
			if err != nil {
				return nil, err
			}
			if err := addCustom(&schema, a); err != nil {
				return nil, err
			}
			continue
		}
		if err := overrideStandard(&schema[i], in); err != nil {
			return nil, err
		}
	}
	return schema, nil
}

// overrideStandard applies a schema input to a standard attribute.
func overrideStandard(a *SchemaAttribute, in SchemaAttributeInput) error {
	if in.AttributeDataType != "" && in.AttributeDataType != a.AttributeDataType {
		return Invalid("Invalid AttributeDataType for standard attribute %s: it is %s.", a.Name, a.AttributeDataType)
	}
	if in.DeveloperOnlyAttribute != nil && *in.DeveloperOnlyAttribute {
		return Invalid("Standard attribute %s cannot be a developer-only attribute.", a.Name)
	}
	if a.Name == "sub" {
		if (in.Mutable != nil && *in.Mutable) || (in.Required != nil && !*in.Required) ||
			in.StringAttributeConstraints != nil {
			return Invalid("The sub attribute cannot be modified.")
		}
		return nil
	}
	if in.Mutable != nil {
		a.Mutable = *in.Mutable
	}
	if in.Required != nil {
		a.Required = *in.Required
	}
	return setConstraints(a, in)
}

// addCustom appends a custom attribute, refusing a second one of the same
// name and more than the quota.
func addCustom(schema *[]SchemaAttribute, a SchemaAttribute) error {
	count := 0
	for _, x := range *schema {
		if x.Name == a.Name {
			return Invalid("Existing attribute already has name %s.", a.Name)
		}
		if strings.HasPrefix(x.Name, CustomPrefix) || strings.HasPrefix(x.Name, DeveloperPrefix) {
			count++
		}
	}
	if count >= maxCustomAttributes {
		return Invalid("A user pool can have at most %d custom attributes.", maxCustomAttributes)
	}
	*schema = append(*schema, a)
	return nil
}
