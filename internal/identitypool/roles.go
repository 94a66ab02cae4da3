package identitypool

import (
	"context"
	"fmt"
	"maps"
	"strings"
)

// RolesInput is SetIdentityPoolRoles' request.
type RolesInput struct {
	PoolID       *string
	Roles        map[string]string
	RoleMappings map[string]RoleMappingInput
}

// RoleMappingInput is one RoleMappings entry as sent.
type RoleMappingInput struct {
	Type                    string
	AmbiguousRoleResolution string
	// Rules is nil when RulesConfiguration is absent.
	Rules *[]MappingRuleInput
}

// MappingRuleInput is one rule as sent.
type MappingRuleInput struct {
	Claim, MatchType, Value, RoleARN *string
}

func validateRoles(in RolesInput, v *validation) {
	v.poolID("identityPoolId", in.PoolID)
	if v.required("roles", in.Roles != nil) {
		v.count("roles", len(in.Roles), 0, 2, fmt.Sprint(in.Roles))
		for _, k := range sortedKeys(in.Roles) {
			if !patRoleType.MatchString(k) {
				v.add("Value '%v' at 'roles' failed to satisfy constraint: Map keys must satisfy constraint: [Member must satisfy regular expression pattern: %s]", in.Roles, reRoleTypeText)
			}
			v.str("roles."+k, in.Roles[k], 20, 2048, nil, "")
		}
	}
	v.count("roleMappings", len(in.RoleMappings), 0, maxRoleMappings, "{...}")
	for _, key := range sortedKeys(in.RoleMappings) {
		m := in.RoleMappings[key]
		at := "roleMappings." + key + ".member."
		if n := len([]rune(key)); n < 1 || n > 128 {
			v.add("Value '%s' at 'roleMappings' failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length less than or equal to 128, Member must have length greater than or equal to 1]", key)
		}
		if v.required(at+"type", m.Type != "") {
			v.enum(at+"type", m.Type, MappingToken, MappingRules)
		}
		if m.AmbiguousRoleResolution != "" {
			v.enum(at+"ambiguousRoleResolution", m.AmbiguousRoleResolution, ResolveAuthenticatedRole, ResolveDeny)
		}
		if m.Rules == nil {
			continue
		}
		rules := *m.Rules
		if v.required(at+"rulesConfiguration.rules", rules != nil) {
			v.count(at+"rulesConfiguration.rules", len(rules), 1, 400, "[...]")
		}
		for i, r := range rules {
			rat := fmt.Sprintf("%srulesConfiguration.rules.%d.member.", at, i+1)
			v.reqStr(rat+"claim", r.Claim, 1, 64, patClaimName, reClaimNameText)
			if v.required(rat+"matchType", r.MatchType != nil) {
				v.enum(rat+"matchType", *r.MatchType, MatchEquals, MatchContains, MatchStartsWith, MatchNotEqual)
			}
			v.reqStr(rat+"value", r.Value, 1, 128, nil, "")
			v.reqStr(rat+"roleARN", r.RoleARN, 20, 2048, nil, "")
		}
	}
}

// SetRoles is SetIdentityPoolRoles: it replaces the pool's roles and role
// mappings.
func (s *Service) SetRoles(ctx context.Context, in RolesInput) error {
	var v validation
	validateRoles(in, &v)
	if err := v.err(); err != nil {
		return err
	}
	for _, k := range sortedKeys(in.Roles) {
		if err := checkRoleArn(in.Roles[k]); err != nil {
			return err
		}
	}
	mappings := map[string]RoleMapping{}
	for _, key := range sortedKeys(in.RoleMappings) {
		m, err := roleMapping(key, in.RoleMappings[key])
		if err != nil {
			return err
		}
		mappings[key] = m
	}
	if _, err := s.loadPool(ctx, *in.PoolID); err != nil {
		return err
	}
	_, err := s.updatePool(ctx, *in.PoolID, func(p *Pool) error {
		p.Roles = maps.Clone(in.Roles)
		p.RoleMappings = mappings
		return nil
	})
	return err
}

// roleMapping checks what the model cannot say: Token and Rules mappings
// need an AmbiguousRoleResolution, Rules need rules (25 at most), and every
// role must be a role ARN.
func roleMapping(key string, in RoleMappingInput) (RoleMapping, error) {
	if in.AmbiguousRoleResolution == "" {
		return RoleMapping{}, Errorf(InvalidParameter, "AmbiguousRoleResolution must be specified for the %s role mapping of %s.", in.Type, key)
	}
	m := RoleMapping{Type: in.Type, AmbiguousRoleResolution: in.AmbiguousRoleResolution}
	if in.Type == MappingRules {
		if in.Rules == nil || len(*in.Rules) == 0 {
			return RoleMapping{}, Errorf(InvalidParameter, "RulesConfiguration must be specified for the Rules role mapping of %s.", key)
		}
		if len(*in.Rules) > maxRules {
			return RoleMapping{}, Errorf(InvalidParameter, "The role mapping of %s has %d rules; at most %d are allowed.", key, len(*in.Rules), maxRules)
		}
		for _, r := range *in.Rules {
			if err := checkRoleArn(*r.RoleARN); err != nil {
				return RoleMapping{}, err
			}
			m.Rules = append(m.Rules, MappingRule{Claim: *r.Claim, MatchType: *r.MatchType, Value: *r.Value, RoleARN: *r.RoleARN})
		}
	}
	if strings.TrimSpace(key) == "" {
		return RoleMapping{}, Errorf(InvalidParameter, "Role mappings need a provider name.")
	}
	return m, nil
}

// Roles is GetIdentityPoolRoles.
func (s *Service) Roles(ctx context.Context, id *string) (*Pool, error) {
	return s.GetPool(ctx, id)
}
