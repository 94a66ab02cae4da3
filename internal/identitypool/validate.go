package identitypool

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/incognito-idp/incognito/internal/awsvalidation"
)

// Constraints of the cognito-identity model (2014-06-30).
var (
	patPoolID          = regexp.MustCompile(`^[\w-]+:[0-9a-f-]+$`)
	patPoolName        = regexp.MustCompile(`^[\w\s+=,.@-]+$`)
	patDeveloperName   = regexp.MustCompile(`^[\w._-]+$`)
	patCognitoProvider = regexp.MustCompile(`^[\w._:/-]+$`)
	patCognitoClientID = regexp.MustCompile(`^[\w_]+$`)
	patProviderAppID   = regexp.MustCompile(`^[\w.;_/-]+$`)
	patAccountID       = regexp.MustCompile(`^\d+$`)
	patClaimName       = regexp.MustCompile(`^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$`)
	patRoleType        = regexp.MustCompile(`^(un)?authenticated$`)
	patPaginationKey   = regexp.MustCompile(`^\S+$`)
	patRoleArn         = regexp.MustCompile(`^arn:aws[\w-]*:iam::\d{12}:role/[\w+=,.@/-]{1,512}$`)
)

// Printed forms of the patterns, as AWS prints them in validation messages.
const (
	reIDText           = `[\w-]+:[0-9a-f-]+`
	rePoolNameText     = `[\w\s+=,.@-]+`
	reDeveloperText    = `[\w._-]+`
	reCognitoNameText  = `[\w._:/-]+`
	reCognitoIDText    = `[\w_]+`
	reProviderAppText  = `[\w.;_/-]+`
	reAccountIDText    = `\d+`
	reClaimNameText    = `[\p{L}\p{M}\p{S}\p{N}\p{P}]+`
	rePaginationText   = `[\S]+`
	reRoleTypeText     = `(un)?authenticated`
	maxLogins          = 10
	maxRules           = 25
	maxRoleMappings    = 10
	maxUserPoolsInPool = 50
	maxTags            = 50
	maxPrincipalTags   = 50
	maxQueryLimit      = 60
)

// validation collects the model-level violations of one request and
// reports them as AWS does: "1 validation error detected: Value 'x' at
// 'identityPoolName' failed to satisfy constraint: ..." (several joined by
// "; " with the count).
type validation struct{ problems []string }

func (v *validation) add(format string, args ...any) {
	v.problems = append(v.problems, fmt.Sprintf(format, args...))
}

func (v *validation) err() error {
	if len(v.problems) == 0 {
		return nil
	}
	return Errorf(InvalidParameter, "%s", awsvalidation.Message(v.problems))
}

// required records a missing member.
func (v *validation) required(at string, present bool) bool {
	if !present {
		v.add("Value null at '%s' failed to satisfy constraint: Member must not be null", at)
	}
	return present
}

// str checks a string member's length and, when re is set, its pattern.
func (v *validation) str(at, value string, min, max int, re *regexp.Regexp, reText string) {
	n := utf8.RuneCountInString(value)
	switch {
	case n < min:
		v.add("Value '%s' at '%s' failed to satisfy constraint: Member must have length greater than or equal to %d", value, at, min)
	case n > max:
		v.add("Value '%s' at '%s' failed to satisfy constraint: Member must have length less than or equal to %d", value, at, max)
	case re != nil && !re.MatchString(value):
		v.add("Value '%s' at '%s' failed to satisfy constraint: Member must satisfy regular expression pattern: %s", value, at, reText)
	}
}

// optStr is str for an optional member.
func (v *validation) optStr(at string, value *string, min, max int, re *regexp.Regexp, reText string) {
	if value != nil {
		v.str(at, *value, min, max, re, reText)
	}
}

// reqStr is str for a required member.
func (v *validation) reqStr(at string, value *string, min, max int, re *regexp.Regexp, reText string) {
	if v.required(at, value != nil) {
		v.str(at, *value, min, max, re, reText)
	}
}

// number checks an integer member's range.
func (v *validation) number(at string, value *int64, min, max int64) {
	switch {
	case value == nil:
	case *value < min:
		v.add("Value '%d' at '%s' failed to satisfy constraint: Member must have value greater than or equal to %d", *value, at, min)
	case *value > max:
		v.add("Value '%d' at '%s' failed to satisfy constraint: Member must have value less than or equal to %d", *value, at, max)
	}
}

// count checks the length of a list or map member.
func (v *validation) count(at string, n, min, max int, printed string) {
	switch {
	case n < min:
		v.add("Value '%s' at '%s' failed to satisfy constraint: Member must have length greater than or equal to %d", printed, at, min)
	case n > max:
		v.add("Value '%s' at '%s' failed to satisfy constraint: Member must have length less than or equal to %d", printed, at, max)
	}
}

// enum checks an enum member.
func (v *validation) enum(at, value string, allowed ...string) {
	for _, a := range allowed {
		if value == a {
			return
		}
	}
	v.add("Value '%s' at '%s' failed to satisfy constraint: Member must satisfy enum value set: [%s]", value, at, strings.Join(allowed, ", "))
}

// poolID checks an identity pool ID member.
func (v *validation) poolID(at string, id *string) {
	v.reqStr(at, id, 1, 55, patPoolID, reIDText)
}

// identityID checks an identity ID member.
func (v *validation) identityID(at string, id *string) {
	v.reqStr(at, id, 1, 55, patPoolID, reIDText)
}

// logins checks a Logins map: at most 10 entries, names 1-128, tokens
// 1-50000 characters.
func (v *validation) logins(at string, logins map[string]string) {
	v.count(at, len(logins), 0, maxLogins, printMap(logins))
	for name, token := range logins {
		if n := utf8.RuneCountInString(name); n < 1 || n > 128 {
			v.add("Value '%s' at '%s' failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length less than or equal to 128, Member must have length greater than or equal to 1]", printMap(logins), at)
		}
		if n := len(token); n < 1 || n > 50000 {
			v.add("Value '%s' at '%s' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 50000, Member must have length greater than or equal to 1]", printMap(logins), at)
		}
	}
}

// printMap renders a map the way AWS echoes one in a validation message,
// with values hidden (they may be tokens).
func printMap(m map[string]string) string {
	keys := sortedKeys(m)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + "=***"
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// roleArn checks the ARN of an IAM role: AWS's ARNString length first, then
// the shape of a role ARN, which Cognito answers with NotAuthorizedException
// (it cannot pass a role it cannot read).
func checkRoleArn(arn string) error {
	if !patRoleArn.MatchString(arn) {
		return Errorf(NotAuthorized, "Access to Role '%s' is forbidden.", arn)
	}
	return nil
}
