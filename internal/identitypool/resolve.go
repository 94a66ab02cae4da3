package identitypool

import (
	"fmt"
	"strconv"
	"strings"
)

// roleChoice is the outcome of role resolution: the role, and the login
// whose token decided it (nil for guests and default roles).
type roleChoice struct {
	RoleArn string
	Login   *login
}

// resolveRole picks the role of a GetCredentialsForIdentity call:
// guests get the unauthenticated role; users get what their provider's
// role mapping says (Token: cognito:preferred_role, else a single
// cognito:roles entry, else CustomRoleArn among cognito:roles; Rules: the
// first matching rule), falling back as AmbiguousRoleResolution says, and
// the authenticated role when the provider has no mapping.
func (s *Service) resolveRole(pool *Pool, logins []login, customRole string) (roleChoice, error) {
	if !authenticated(logins) {
		return defaultRole(pool, "unauthenticated")
	}
	for i := range logins {
		l := &logins[i]
		if l.ClientID == "" {
			continue
		}
		key, m, ok := s.mappingFor(pool, l)
		if !ok {
			continue
		}
		role, decided, err := applyMapping(m, l.Claims, customRole)
		if err != nil {
			return roleChoice{}, err
		}
		if decided {
			return roleChoice{RoleArn: role, Login: l}, nil
		}
		if m.AmbiguousRoleResolution == ResolveDeny {
			return roleChoice{}, Errorf(NotAuthorized, "Unable to resolve a role for the login: the role mapping of %s denies it.", key)
		}
		c, err := defaultRole(pool, "authenticated")
		c.Login = l
		return c, err
	}
	c, err := defaultRole(pool, "authenticated")
	for i := range logins {
		if logins[i].Claims != nil && logins[i].IdentityID == "" {
			c.Login = &logins[i]
			break
		}
	}
	return c, err
}

func defaultRole(pool *Pool, kind string) (roleChoice, error) {
	arn := pool.Roles[kind]
	if arn == "" {
		return roleChoice{}, errNoRole()
	}
	return roleChoice{RoleArn: arn}, nil
}

// mappingFor finds the role mapping of a user-pool login, keyed
// "<provider>:<app client ID>" with the provider in either spelling.
func (s *Service) mappingFor(pool *Pool, l *login) (string, RoleMapping, bool) {
	for _, key := range sortedKeys(pool.RoleMappings) {
		i := strings.LastIndex(key, ":")
		if i < 0 {
			continue
		}
		if s.canonicalProvider(key[:i]) == l.Provider && key[i+1:] == l.ClientID {
			return key, pool.RoleMappings[key], true
		}
	}
	return "", RoleMapping{}, false
}

// applyMapping runs one mapping on a token's claims. decided is false when
// the mapping cannot choose (AmbiguousRoleResolution then applies).
func applyMapping(m RoleMapping, claims map[string]any, customRole string) (string, bool, error) {
	switch m.Type {
	case MappingToken:
		roles := stringList(claims["cognito:roles"])
		if customRole != "" {
			if !contains(roles, customRole) {
				return "", false, Errorf(NotAuthorized, "CustomRoleArn %s is not one of the roles in the token's cognito:roles claim.", customRole)
			}
			return customRole, true, nil
		}
		if preferred, _ := claims["cognito:preferred_role"].(string); preferred != "" {
			return preferred, true, nil
		}
		if len(roles) == 1 {
			return roles[0], true, nil
		}
		return "", false, nil
	case MappingRules:
		for _, r := range m.Rules {
			if ruleMatches(r, claims[r.Claim]) {
				return r.RoleARN, true, nil
			}
		}
	}
	return "", false, nil
}

// ruleMatches applies one rule to a claim. A missing claim matches no rule;
// a multi-valued claim (cognito:groups) matches when one of its values
// does, and NotEqual when none equals the rule's value.
func ruleMatches(r MappingRule, claim any) bool {
	values := claimValues(claim)
	if len(values) == 0 {
		return false
	}
	if r.MatchType == MatchNotEqual {
		return !contains(values, r.Value)
	}
	for _, v := range values {
		switch r.MatchType {
		case MatchEquals:
			if v == r.Value {
				return true
			}
		case MatchContains:
			if strings.Contains(v, r.Value) {
				return true
			}
		case MatchStartsWith:
			if strings.HasPrefix(v, r.Value) {
				return true
			}
		}
	}
	return false
}

// claimValues renders a claim as strings: a list gives each of its
// elements, a boolean "true"/"false", a number its shortest form.
func claimValues(claim any) []string {
	if list, ok := claim.([]any); ok {
		out := make([]string, 0, len(list))
		for _, e := range list {
			if s, ok := claimString(e); ok {
				out = append(out, s)
			}
		}
		return out
	}
	if s, ok := claimString(claim); ok {
		return []string{s}
	}
	return nil
}

func claimString(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case bool:
		return strconv.FormatBool(x), true
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64), true
	case int64:
		return strconv.FormatInt(x, 10), true
	case []string:
		return strings.Join(x, ","), true
	case nil:
		return "", false
	}
	return fmt.Sprint(v), true
}
