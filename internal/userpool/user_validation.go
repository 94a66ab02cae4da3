package userpool

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Model-level constraints of the members the user and group operations
// take, as the cognito-idp API model states them. AWS checks these before
// the operation runs and reports every violation in one
// InvalidParameterException ("2 validation errors detected: ...").
//
// Patterns are matched against the whole value, as AWS does.

// stringRule is the model's constraint on one string member.
type stringRule struct {
	min, max  int // in characters; max 0 = unbounded
	pattern   string
	re        *regexp.Regexp // pattern anchored at both ends
	sensitive bool           // AWS leaves the value out of the message
}

// patterned returns r constrained by the model pattern p.
func patterned(r stringRule, p string) stringRule {
	r.pattern, r.re = p, regexp.MustCompile(`^(?:`+p+`)$`)
	return r
}

const (
	namePattern = `[\p{L}\p{M}\p{S}\p{N}\p{P}]+`
	arnPattern  = `arn:[\w+=/,.@-]+:[\w+=/,.@-]+:([\w+=/,.@-]*)?:[0-9]+:[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?`
)

var (
	rulePoolID    = patterned(stringRule{min: 1, max: 55}, `[\w-]+_[0-9a-zA-Z]+`)
	ruleUsername  = patterned(stringRule{min: 1, max: 128, sensitive: true}, namePattern)
	ruleGroupName = patterned(stringRule{min: 1, max: 128}, namePattern)
	ruleDesc      = stringRule{max: 2048}
	ruleRoleArn   = patterned(stringRule{min: 20, max: 2048}, arnPattern)
	ruleAttrName  = patterned(stringRule{min: 1, max: 32}, `[\p{L}\p{M}\p{S}\p{N}\p{P}\t\n\r ]+`)
	ruleAttrValue = stringRule{max: 2048, sensitive: true}
	ruleFilter    = stringRule{max: 256}
	ruleToken     = patterned(stringRule{min: 1}, `[\S]+`)
	rulePageKey   = patterned(stringRule{min: 1, max: 131072}, `[\S]+`)
)

// rulePassword is PasswordType: at most 256 characters of which the first
// and last are not white space. (The model writes the pattern as [\S]+;
// Cognito accepts inner spaces, so only the ends are checked.)
var rulePassword = stringRule{max: 256, sensitive: true}

// quoteValue renders a member's value the way AWS messages do.
func quoteValue(member, value string, sensitive bool) string {
	if sensitive {
		return "Value at '" + member + "'"
	}
	return "Value '" + value + "' at '" + member + "'"
}

// checkString records the violations of one string member. A nil value is
// a violation only when the member is required.
func checkString(v *Validation, member string, value *string, required bool, r stringRule) {
	if value == nil {
		if required {
			v.Add("Value null at '%s' failed to satisfy constraint: Member must not be null", member)
		}
		return
	}
	checkStringValue(v, member, *value, r)
}

func checkStringValue(v *Validation, member, value string, r stringRule) {
	n := utf8.RuneCountInString(value)
	at := quoteValue(member, value, r.sensitive)
	if n < r.min {
		v.Add("%s failed to satisfy constraint: Member must have length greater than or equal to %d", at, r.min)
	}
	if r.max > 0 && n > r.max {
		v.Add("%s failed to satisfy constraint: Member must have length less than or equal to %d", at, r.max)
	}
	if r.re != nil && !r.re.MatchString(value) {
		v.Add("%s failed to satisfy constraint: Member must satisfy regular expression pattern: %s", at, r.pattern)
	}
}

// checkPasswordMember applies PasswordType to a password member.
func checkPasswordMember(v *Validation, member string, value *string, required bool) {
	checkString(v, member, value, required, rulePassword)
	if value != nil && *value != "" && strings.TrimSpace(*value) != *value {
		v.Add("Value at '%s' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\S]+", member)
	}
}

// checkInt records a violation of an integer member's range.
func checkInt(v *Validation, member string, value *int64, min, max int64) {
	if value == nil {
		return
	}
	if *value < min {
		v.Add("Value '%d' at '%s' failed to satisfy constraint: Member must have value greater than or equal to %d", *value, member, min)
	}
	if max >= min && *value > max {
		v.Add("Value '%d' at '%s' failed to satisfy constraint: Member must have value less than or equal to %d", *value, member, max)
	}
}

// checkEnum records a violation of an enum member.
func checkEnum(v *Validation, member, value string, allowed ...string) {
	if value == "" || contains(allowed, value) {
		return
	}
	v.Add("Value '%s' at '%s' failed to satisfy constraint: Member must satisfy enum value set: [%s]",
		value, member, strings.Join(allowed, ", "))
}

// checkEnumList records a violation of a list of enum values, which AWS
// reports once for the whole list.
func checkEnumList(v *Validation, member string, values []string, allowed ...string) {
	for _, x := range values {
		if !contains(allowed, x) {
			v.Add("Value '[%s]' at '%s' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [%s]]",
				strings.Join(values, ", "), member, strings.Join(allowed, ", "))
			return
		}
	}
}

// checkAttributeList records the violations of an AttributeListType member
// (userAttributes.N.member.name/value, N from 1).
func checkAttributeList(v *Validation, member string, attrs []AttributeInput) {
	for i, a := range attrs {
		prefix := fmt.Sprintf("%s.%d.member", member, i+1)
		checkString(v, prefix+".name", a.Name, true, ruleAttrName)
		checkString(v, prefix+".value", a.Value, false, ruleAttrValue)
	}
}

// checkUserRef checks the two members every admin user operation has.
func checkUserRef(v *Validation, ref UserRef) {
	checkString(v, "userPoolId", ref.PoolID, true, rulePoolID)
	checkString(v, "username", ref.Username, true, ruleUsername)
}

// str dereferences an optional string.
func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
