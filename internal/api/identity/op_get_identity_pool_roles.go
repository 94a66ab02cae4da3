package identity

import (
	"context"

	"github.com/incognito-idp/incognito/internal/identitypool"
)

func (a *API) getIdentityPoolRoles(ctx context.Context, in *identityPoolRef) (*identityPoolRoles, error) {
	p, err := a.pools.Roles(ctx, in.IdentityPoolId)
	if err != nil {
		return nil, err
	}
	out := &identityPoolRoles{IdentityPoolId: &p.ID, Roles: p.Roles}
	if len(p.RoleMappings) > 0 {
		out.RoleMappings = map[string]roleMapping{}
	}
	for key, m := range p.RoleMappings {
		out.RoleMappings[key] = toWireMapping(m)
	}
	return out, nil
}

func toWireMapping(m identitypool.RoleMapping) roleMapping {
	w := roleMapping{Type: m.Type, AmbiguousRoleResolution: m.AmbiguousRoleResolution}
	if m.Type == identitypool.MappingRules {
		w.RulesConfiguration = &rulesConfiguration{Rules: []mappingRule{}}
		for _, r := range m.Rules {
			w.RulesConfiguration.Rules = append(w.RulesConfiguration.Rules, mappingRule{
				Claim: ptr(r.Claim), MatchType: ptr(r.MatchType), Value: ptr(r.Value), RoleARN: ptr(r.RoleARN),
			})
		}
	}
	return w
}
