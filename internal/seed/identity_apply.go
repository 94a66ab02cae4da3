package seed

import (
	"context"
	"fmt"

	"github.com/incognito-idp/incognito/internal/identitypool"
)

// AppliedIdentityPool is one identity pool of the file as it now exists.
type AppliedIdentityPool struct {
	ID, Name string
}

// ApplyIdentityPools creates the file's identity pools that are missing,
// with their providers, roles and role mappings. It runs after Apply, whose
// report gives the user pools' and clients' IDs; like Apply it leaves
// existing pools (found by fixed ID, else by name) untouched.
func ApplyIdentityPools(ctx context.Context, identities *identitypool.Service, f *File, r *Report) error {
	for _, ip := range f.IdentityPools {
		id, err := applyIdentityPool(ctx, identities, ip, r)
		if err != nil {
			return fmt.Errorf("identity pool %q: %w", ip.Name, err)
		}
		r.IdentityPools = append(r.IdentityPools, AppliedIdentityPool{ID: id, Name: ip.Name})
	}
	return nil
}

func applyIdentityPool(ctx context.Context, identities *identitypool.Service, ip IdentityPool, r *Report) (string, error) {
	existing, err := findIdentityPool(ctx, identities, ip)
	if err != nil || existing != "" {
		if existing != "" {
			r.Unchanged++
		}
		return existing, err
	}
	in := identitypool.PoolInput{
		FixedID: ip.ID, Name: &ip.Name,
		AllowUnauthenticated: &ip.AllowUnauthenticated, AllowClassicFlow: &ip.AllowClassicFlow,
	}
	if ip.DeveloperProviderName != "" {
		in.DeveloperProviderName = &ip.DeveloperProviderName
	}
	for _, ref := range ip.CognitoIdentityProviders {
		provider, clientID, err := r.resolve(ref.UserPool, ref.Client)
		if err != nil {
			return "", err
		}
		check := ref.ServerSideTokenCheck
		in.CognitoProviders = append(in.CognitoProviders, identitypool.CognitoProviderInput{
			ProviderName: &provider, ClientID: &clientID, ServerSideTokenCheck: &check,
		})
	}
	pool, err := identities.CreatePool(ctx, in)
	if err != nil {
		return "", err
	}
	roles := identitypool.RolesInput{PoolID: &pool.ID, Roles: map[string]string{}, RoleMappings: map[string]identitypool.RoleMappingInput{}}
	if ip.Roles.Authenticated != "" {
		roles.Roles["authenticated"] = ip.Roles.Authenticated
	}
	if ip.Roles.Unauthenticated != "" {
		roles.Roles["unauthenticated"] = ip.Roles.Unauthenticated
	}
	for _, m := range ip.RoleMappings {
		provider, clientID, err := r.resolve(m.UserPool, m.Client)
		if err != nil {
			return "", err
		}
		rm := identitypool.RoleMappingInput{Type: m.Type, AmbiguousRoleResolution: m.AmbiguousRoleResolution}
		if m.Type == identitypool.MappingRules {
			rules := make([]identitypool.MappingRuleInput, 0, len(m.Rules))
			for _, rule := range m.Rules {
				rules = append(rules, identitypool.MappingRuleInput{Claim: &rule.Claim, MatchType: &rule.MatchType, Value: &rule.Value, RoleARN: &rule.RoleArn})
			}
			rm.Rules = &rules
		}
		roles.RoleMappings[provider+":"+clientID] = rm
	}
	if len(roles.Roles) > 0 || len(roles.RoleMappings) > 0 {
		if err := identities.SetRoles(ctx, roles); err != nil {
			// Leave nothing half made: the next start creates the pool again.
			_ = identities.DeletePool(ctx, &pool.ID)
			return "", err
		}
	}
	r.Created++
	return pool.ID, nil
}

// resolve finds the provider name and client ID of a user pool and app
// client of the file, by their IDs or names, as Apply created them.
func (r *Report) resolve(poolRef, clientRef string) (provider, clientID string, err error) {
	for _, p := range r.Pools {
		if p.ID != poolRef && p.Name != poolRef {
			continue
		}
		for _, c := range p.Clients {
			if c.ID == clientRef || c.Name == clientRef {
				return identitypool.UserPoolProvider(p.ID), c.ID, nil
			}
		}
		return "", "", fmt.Errorf("user pool %q has no app client %q", poolRef, clientRef)
	}
	return "", "", fmt.Errorf("no user pool %q in this file", poolRef)
}

func findIdentityPool(ctx context.Context, identities *identitypool.Service, ip IdentityPool) (string, error) {
	if ip.ID != "" {
		p, err := identities.GetPool(ctx, &ip.ID)
		if err == nil {
			return p.ID, nil
		}
		if !identitypool.IsCode(err, identitypool.ResourceNotFound) {
			return "", err
		}
		return "", nil
	}
	limit := int64(60)
	var next *string
	for {
		page, token, err := identities.ListPools(ctx, &limit, next)
		if err != nil {
			return "", err
		}
		for _, p := range page {
			if p.Name == ip.Name {
				return p.ID, nil
			}
		}
		if token == "" {
			return "", nil
		}
		next = &token
	}
}
