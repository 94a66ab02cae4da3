package identity

import (
	"context"

	"github.com/incognito-idp/incognito/internal/identitypool"
)

type mappingRule struct {
	Claim     *string `json:"Claim,omitempty"`
	MatchType *string `json:"MatchType,omitempty"`
	Value     *string `json:"Value,omitempty"`
	RoleARN   *string `json:"RoleARN,omitempty"`
}

type rulesConfiguration struct {
	Rules []mappingRule `json:"Rules"`
}

type roleMapping struct {
	Type                    string              `json:"Type,omitempty"`
	AmbiguousRoleResolution string              `json:"AmbiguousRoleResolution,omitempty"`
	RulesConfiguration      *rulesConfiguration `json:"RulesConfiguration,omitempty"`
}

type identityPoolRoles struct {
	IdentityPoolId *string                `json:"IdentityPoolId,omitempty"`
	Roles          map[string]string      `json:"Roles,omitempty"`
	RoleMappings   map[string]roleMapping `json:"RoleMappings,omitempty"`
}

func (a *API) setIdentityPoolRoles(ctx context.Context, in *identityPoolRoles) (*struct{}, error) {
	req := identitypool.RolesInput{PoolID: in.IdentityPoolId, Roles: in.Roles}
	if in.RoleMappings != nil {
		req.RoleMappings = map[string]identitypool.RoleMappingInput{}
	}
	for key, m := range in.RoleMappings {
		rm := identitypool.RoleMappingInput{Type: m.Type, AmbiguousRoleResolution: m.AmbiguousRoleResolution}
		if m.RulesConfiguration != nil {
			rules := []identitypool.MappingRuleInput{}
			if m.RulesConfiguration.Rules == nil {
				rules = nil
			}
			for _, r := range m.RulesConfiguration.Rules {
				rules = append(rules, identitypool.MappingRuleInput{Claim: r.Claim, MatchType: r.MatchType, Value: r.Value, RoleARN: r.RoleARN})
			}
			rm.Rules = &rules
		}
		req.RoleMappings[key] = rm
	}
	return nil, a.pools.SetRoles(ctx, req)
}
