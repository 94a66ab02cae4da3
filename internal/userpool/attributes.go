package userpool

import (
	"math/big"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// AttributeInput is one name/value pair of a request (AttributeType). The
// fields are pointers so that a missing name can be told from an empty one.
type AttributeInput struct {
	Name  *string
	Value *string
}

// Attr builds an AttributeInput, for callers inside Incognito.
func Attr(name, value string) AttributeInput { return AttributeInput{Name: &name, Value: &value} }

// Attribute names with a meaning of their own.
const (
	AttrSub                 = "sub"
	AttrEmail               = "email"
	AttrEmailVerified       = "email_verified"
	AttrPhoneNumber         = "phone_number"
	AttrPhoneNumberVerified = "phone_number_verified"
	AttrPreferredUsername   = "preferred_username"
	// attrIdentities lists a user's linked federated identities; only
	// federation writes it.
	attrIdentities = "identities"
)

// maxAttributeValue is the longest value any attribute may have.
const maxAttributeValue = 2048

// userSchema returns the definition of an attribute of the pool's users.
// Standard attributes the stored schema leaves out keep Cognito's standard
// definition. Developer-only attributes are addressed as "dev:custom:x".
func userSchema(pool *Pool, name string) (SchemaAttribute, bool) {
	if a, ok := pool.Attribute(name); ok {
		return a, true
	}
	if rest, ok := strings.CutPrefix(name, "dev:"); ok {
		a, found := pool.Attribute(rest)
		return a, found && a.DeveloperOnlyAttribute
	}
	if strings.Contains(name, ":") {
		return SchemaAttribute{}, false
	}
	for _, a := range StandardSchema() {
		if a.Name == name {
			return a, true
		}
	}
	return SchemaAttribute{}, false
}

// requiredAttributes lists the names a new user must have.
func requiredAttributes(pool *Pool) []string {
	var names []string
	seen := map[string]bool{}
	for _, a := range pool.Schema {
		if a.Required && a.Name != AttrSub && !seen[a.Name] {
			seen[a.Name] = true
			names = append(names, a.Name)
		}
	}
	return names
}

// attributeProblems collects what is wrong with a request's attributes and
// words it as Cognito does: on creation "Attributes did not conform to the
// schema: name: problem\n...", on update "user.name: problem\n...".
type attributeProblems struct {
	creating bool
	lines    []string
}

func (p *attributeProblems) add(name, problem string) {
	p.lines = append(p.lines, name+": "+problem+"\n")
}

func (p *attributeProblems) err() error {
	if len(p.lines) == 0 {
		return nil
	}
	if p.creating {
		return Invalid("%s", "Attributes did not conform to the schema: "+strings.Join(p.lines, ""))
	}
	var b strings.Builder
	for _, l := range p.lines {
		b.WriteString("user." + l)
	}
	return Invalid("%s", b.String())
}

// Problems Cognito reports per attribute.
const (
	problemUnknown   = "Attribute does not exist in the schema."
	problemImmutable = "Attribute cannot be updated."
	problemRequired  = "The attribute is required"
)

// applyAttributes validates attrs against the pool's schema and applies
// them to current (which it does not modify), returning the new set. On
// creation immutable attributes may be set; on update an empty value
// deletes the attribute. sub can never be written.
func applyAttributes(pool *Pool, current map[string]string, attrs []AttributeInput, creating bool) (map[string]string, error) {
	probs := &attributeProblems{creating: creating}
	out := make(map[string]string, len(current)+len(attrs))
	for k, v := range current {
		out[k] = v
	}
	var formatErr error
	for _, a := range attrs {
		name, value := str(a.Name), str(a.Value)
		def, ok := userSchema(pool, name)
		switch {
		case !ok:
			probs.add(name, problemUnknown)
			continue
		case name == AttrSub || name == attrIdentities || (!creating && !def.Mutable):
			probs.add(name, problemImmutable)
			continue
		}
		if value == "" {
			if !creating && def.Required {
				probs.add(name, problemRequired)
			}
			delete(out, name)
			continue
		}
		if p := checkAttributeValue(def, value); p != "" {
			probs.add(name, p)
			continue
		}
		if err := checkAttributeFormat(name, value); err != nil && formatErr == nil {
			formatErr = err
		}
		if def.AttributeDataType == "Boolean" {
			value = strings.ToLower(value)
		}
		out[name] = value
	}
	if creating {
		for _, name := range requiredAttributes(pool) {
			if out[name] == "" && !probs.has(name) {
				probs.add(name, problemRequired)
			}
		}
	}
	if err := probs.err(); err != nil {
		return nil, err
	}
	if formatErr != nil {
		return nil, formatErr
	}
	if err := checkVerifiedFlags(out, attrs); err != nil {
		return nil, err
	}
	return out, nil
}

func (p *attributeProblems) has(name string) bool {
	for _, l := range p.lines {
		if strings.HasPrefix(l, name+": ") {
			return true
		}
	}
	return false
}

// checkVerifiedFlags refuses a request that sets a verification flag for
// an attribute the user does not have, and drops a flag left behind by an
// attribute the request removed.
func checkVerifiedFlags(attrs map[string]string, req []AttributeInput) error {
	requested := func(name string) bool {
		for _, a := range req {
			if str(a.Name) == name && str(a.Value) != "" {
				return true
			}
		}
		return false
	}
	if attrs[AttrEmail] == "" && requested(AttrEmailVerified) {
		return Invalid("Email is required to verify/un-verify an email")
	}
	if attrs[AttrPhoneNumber] == "" && requested(AttrPhoneNumberVerified) {
		return Invalid("Phone number is required to verify/un-verify a phone number")
	}
	dropOrphanFlags(attrs)
	return nil
}

// checkAttributeValue checks a non-empty value against its definition and
// returns the problem, or "".
func checkAttributeValue(def SchemaAttribute, value string) string {
	n := utf8.RuneCountInString(value)
	if n > maxAttributeValue {
		return "Attribute value exceeds the maximum length of 2048."
	}
	switch def.AttributeDataType {
	case "Boolean":
		if !strings.EqualFold(value, "true") && !strings.EqualFold(value, "false") {
			return "Attribute value must be true or false."
		}
	case "Number":
		x, ok := new(big.Float).SetString(value)
		if !ok {
			return "Attribute value must be a number."
		}
		if c := def.NumberAttributeConstraints; c != nil {
			if min, ok := new(big.Float).SetString(c.MinValue); ok && x.Cmp(min) < 0 {
				return "Attribute value must not be less than " + c.MinValue + "."
			}
			if max, ok := new(big.Float).SetString(c.MaxValue); ok && x.Cmp(max) > 0 {
				return "Attribute value must not be greater than " + c.MaxValue + "."
			}
		}
	case "DateTime":
		if !isDateTime(value) {
			return "Attribute value must be a date and time."
		}
	default: // String
		if c := def.StringAttributeConstraints; c != nil {
			if min, err := strconv.Atoi(c.MinLength); err == nil && n < min {
				return "Attribute value must have length greater than or equal to " + c.MinLength + "."
			}
			if max, err := strconv.Atoi(c.MaxLength); err == nil && n > max {
				return "Attribute value must have length less than or equal to " + c.MaxLength + "."
			}
		}
	}
	return ""
}

func isDateTime(v string) bool {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02"} {
		if _, err := time.Parse(layout, v); err == nil {
			return true
		}
	}
	_, err := strconv.ParseInt(v, 10, 64)
	return err == nil
}

var (
	emailFormat = regexp.MustCompile(`^[^\s@]+@[^\s@.][^\s@]*$`)
	phoneFormat = regexp.MustCompile(`^\+[0-9]{1,15}$`)
)

// IsEmail reports whether v has the form Cognito accepts for an email
// address.
func IsEmail(v string) bool { return emailFormat.MatchString(v) && !strings.HasSuffix(v, ".") }

// IsPhoneNumber reports whether v is a phone number as Cognito takes them:
// E.164, "+" and digits.
func IsPhoneNumber(v string) bool { return phoneFormat.MatchString(v) }

// checkAttributeFormat checks the attributes whose format Cognito knows.
func checkAttributeFormat(name, value string) error {
	switch name {
	case AttrEmail:
		if !IsEmail(value) {
			return Invalid("Invalid email address format.")
		}
	case AttrPhoneNumber:
		if !IsPhoneNumber(value) {
			return Invalid("Invalid phone number format.")
		}
	}
	return nil
}

// deleteAttributes validates names for AdminDeleteUserAttributes and
// removes them from current, returning the new set.
func deleteAttributes(pool *Pool, current map[string]string, names []string) (map[string]string, error) {
	probs := &attributeProblems{}
	out := make(map[string]string, len(current))
	for k, v := range current {
		out[k] = v
	}
	for _, name := range names {
		def, ok := userSchema(pool, name)
		switch {
		case !ok:
			probs.add(name, problemUnknown)
		case name == AttrSub || name == attrIdentities || !def.Mutable:
			probs.add(name, problemImmutable)
		case def.Required:
			probs.add(name, problemRequired)
		default:
			delete(out, name)
		}
	}
	if err := probs.err(); err != nil {
		return nil, err
	}
	dropOrphanFlags(out)
	return out, nil
}

// dropOrphanFlags removes a verification flag whose attribute is gone.
func dropOrphanFlags(attrs map[string]string) {
	if attrs[AttrEmail] == "" {
		delete(attrs, AttrEmailVerified)
	}
	if attrs[AttrPhoneNumber] == "" {
		delete(attrs, AttrPhoneNumberVerified)
	}
}
