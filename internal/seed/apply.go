package seed

import (
	"context"
	"fmt"

	"github.com/incognito-idp/incognito/internal/userpool"
)

// Report counts what Apply did.
type Report struct {
	Created   int
	Unchanged int
	// PoolIDs and ClientIDs are the IDs of the file's objects, in file
	// order, for the start-up banner (generated IDs included).
	Pools []AppliedPool
	// IdentityPools are the file's identity pools (ApplyIdentityPools).
	IdentityPools []AppliedIdentityPool
}

// AppliedPool is one pool of the file as it now exists.
type AppliedPool struct {
	ID, Name string
	Clients  []AppliedClient
}

// AppliedClient is one app client of the file as it now exists.
type AppliedClient struct {
	ID, Name string
}

// Apply creates what the file describes and is missing. Objects are found
// by their fixed ID (pools, clients) or name (groups, users, and pools or
// clients without a fixed ID); existing ones are left untouched, so the
// file seeds a store once and restarts change nothing.
func Apply(ctx context.Context, pools *userpool.Service, f *File) (*Report, error) {
	r := &Report{}
	for _, p := range f.UserPools {
		pool, err := applyPool(ctx, pools, p, r)
		if err != nil {
			return r, fmt.Errorf("user pool %q: %w", p.Name, err)
		}
		applied := AppliedPool{ID: pool.ID, Name: pool.Name}
		for _, c := range p.Clients {
			client, err := applyClient(ctx, pools, pool.ID, c, r)
			if err != nil {
				return r, fmt.Errorf("user pool %q, client %q: %w", p.Name, c.Name, err)
			}
			applied.Clients = append(applied.Clients, AppliedClient{ID: client.ClientID, Name: client.Name})
		}
		for _, g := range p.Groups {
			if err := applyGroup(ctx, pools, pool.ID, g, r); err != nil {
				return r, fmt.Errorf("user pool %q, group %q: %w", p.Name, g.Name, err)
			}
		}
		for _, u := range p.Users {
			if err := applyUser(ctx, pools, pool.ID, u, r); err != nil {
				return r, fmt.Errorf("user pool %q, user %q: %w", p.Name, u.Username, err)
			}
		}
		r.Pools = append(r.Pools, applied)
	}
	return r, nil
}

func applyPool(ctx context.Context, pools *userpool.Service, p Pool, r *Report) (*userpool.Pool, error) {
	if p.ID != "" {
		existing, err := pools.GetPool(ctx, p.ID)
		if err == nil {
			r.Unchanged++
			return existing, nil
		}
		if !userpool.IsCode(err, userpool.ResourceNotFound) {
			return nil, err
		}
	} else if existing, err := findPoolByName(ctx, pools, p.Name); err != nil || existing != nil {
		if existing != nil {
			r.Unchanged++
		}
		return existing, err
	}
	in := userpool.CreatePoolInput{
		ID:                 p.ID,
		PoolName:           &p.Name,
		AliasAttributes:    p.AliasAttributes,
		UsernameAttributes: p.UsernameAttributes,
	}
	if p.UsernameCaseSensitive != nil {
		in.UsernameConfiguration = &userpool.UsernameConfigurationInput{CaseSensitive: p.UsernameCaseSensitive}
	}
	in.AutoVerifiedAttributes = p.AutoVerifiedAttributes
	in.AdminCreateUserConfig = &userpool.AdminCreateUserConfigInput{AllowAdminCreateUserOnly: p.AdminCreateUserOnly}
	if pp := p.PasswordPolicy; pp != nil {
		minLen := int64(pp.MinimumLength)
		in.Policies = &userpool.PoliciesInput{PasswordPolicy: &userpool.PasswordPolicyInput{
			MinimumLength: &minLen, RequireUppercase: pp.RequireUppercase, RequireLowercase: pp.RequireLowercase,
			RequireNumbers: pp.RequireNumbers, RequireSymbols: pp.RequireSymbols,
		}}
	}
	pool, err := pools.CreatePool(ctx, in)
	if err != nil {
		return nil, err
	}
	r.Created++
	return pool, nil
}

func findPoolByName(ctx context.Context, pools *userpool.Service, name string) (*userpool.Pool, error) {
	var next *string
	limit := int64(60)
	for {
		page, token, err := pools.ListPools(ctx, &limit, next)
		if err != nil {
			return nil, err
		}
		for _, p := range page {
			if p.Name == name {
				return pools.GetPool(ctx, p.ID)
			}
		}
		if token == "" {
			return nil, nil
		}
		next = &token
	}
}

func applyClient(ctx context.Context, pools *userpool.Service, poolID string, c Client, r *Report) (*userpool.Client, error) {
	if c.ID != "" {
		existing, err := pools.GetClient(ctx, c.ID)
		if err == nil {
			if existing.PoolID != poolID {
				return nil, fmt.Errorf("client ID %s belongs to pool %s", c.ID, existing.PoolID)
			}
			r.Unchanged++
			return existing, nil
		}
		if !userpool.IsCode(err, userpool.ResourceNotFound) {
			return nil, err
		}
	} else {
		var next *string
		limit := int64(60)
		for {
			page, token, err := pools.ListClients(ctx, &poolID, &limit, next)
			if err != nil {
				return nil, err
			}
			for _, s := range page {
				if s.Name == c.Name {
					r.Unchanged++
					return pools.GetClient(ctx, s.ClientID)
				}
			}
			if token == "" {
				break
			}
			next = &token
		}
	}
	in := userpool.CreateClientInput{ClientID: c.ID, UserPoolId: &poolID, GenerateSecret: c.GenerateSecret}
	in.ClientName = &c.Name
	in.ExplicitAuthFlows = c.ExplicitAuthFlows
	if c.Secret != "" {
		in.ClientSecret = &c.Secret
	}
	client, err := pools.CreateClient(ctx, in)
	if err != nil {
		return nil, err
	}
	r.Created++
	return client, nil
}

func applyGroup(ctx context.Context, pools *userpool.Service, poolID string, g Group, r *Report) error {
	in := userpool.GroupInput{PoolID: &poolID, GroupName: &g.Name, Precedence: g.Precedence}
	if g.Description != "" {
		in.Description = &g.Description
	}
	if g.RoleArn != "" {
		in.RoleArn = &g.RoleArn
	}
	_, err := pools.CreateGroup(ctx, in)
	if userpool.IsCode(err, userpool.GroupExists) {
		r.Unchanged++
		return nil
	}
	if err == nil {
		r.Created++
	}
	return err
}

func applyUser(ctx context.Context, pools *userpool.Service, poolID string, u User, r *Report) error {
	ref := userpool.UserRef{PoolID: &poolID, Username: &u.Username}
	_, err := pools.AdminGetUser(ctx, ref)
	if err == nil {
		r.Unchanged++
		return nil
	}
	if !userpool.IsCode(err, userpool.UserNotFound) {
		return err
	}
	var attrs []userpool.AttributeInput
	for name, value := range u.Attributes {
		attrs = append(attrs, userpool.Attr(name, value))
	}
	in := userpool.AdminCreateUserInput{PoolID: &poolID, Username: &u.Username, UserAttributes: attrs, MessageAction: "SUPPRESS"}
	if _, err := pools.AdminCreateUser(ctx, in); err != nil {
		return err
	}
	if u.Password != "" {
		if err := pools.AdminSetUserPassword(ctx, ref, &u.Password, true); err != nil {
			return err
		}
	}
	for _, g := range u.Groups {
		group := g
		if err := pools.AdminAddUserToGroup(ctx, ref, &group); err != nil {
			return err
		}
	}
	r.Created++
	return nil
}
