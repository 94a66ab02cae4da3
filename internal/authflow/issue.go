package authflow

import (
	"context"
	"errors"
	"sort"
	"strings"
	"time"

	"github.com/incognito-idp/incognito/internal/store"
	"github.com/incognito-idp/incognito/internal/token"
	"github.com/incognito-idp/incognito/internal/userpool"
)

// ScopeUserAdmin is the scope of tokens from the user-pool API's sign-in:
// it lets the token call GetUser and the other self-service operations.
const ScopeUserAdmin = "aws.cognito.signin.user.admin"

// validity converts a client's token validity to a duration.
func validity(n int64, unit string, def time.Duration) time.Duration {
	if n <= 0 {
		return def
	}
	switch unit {
	case "seconds":
		return time.Duration(n) * time.Second
	case "minutes":
		return time.Duration(n) * time.Minute
	case "days":
		return time.Duration(n) * 24 * time.Hour
	default: // hours, Cognito's default unit for access and ID tokens
		return time.Duration(n) * time.Hour
	}
}

func accessValidity(c *userpool.Client) time.Duration {
	unit := c.TokenValidityUnits.AccessToken
	if unit == "" {
		unit = "hours"
	}
	return validity(c.AccessTokenValidity, unit, time.Hour)
}

func idValidity(c *userpool.Client) time.Duration {
	unit := c.TokenValidityUnits.IdToken
	if unit == "" {
		unit = "hours"
	}
	return validity(c.IdTokenValidity, unit, time.Hour)
}

func refreshValidity(c *userpool.Client) time.Duration {
	unit := c.TokenValidityUnits.RefreshToken
	if unit == "" {
		unit = "days"
	}
	return validity(c.RefreshTokenValidity, unit, 30*24*time.Hour)
}

// issue mints ID, access and refresh tokens for a completed sign-in and
// records its session. origin is the session's origin_jti: the ID of the
// challenge state that completed the sign-in, so that a replayed answer
// finds its session taken, or "" for a fresh one.
func (s *Service) issue(ctx context.Context, pool *userpool.Pool, client *userpool.Client, user *userpool.User, origin string, authTime time.Time) (*Tokens, error) {
	now := s.now()
	if origin == "" {
		origin = newID(s.rand)
	}
	refresh, hash := token.NewOpaque(s.rand)
	err := s.store.CreateSession(ctx, store.SessionRecord{
		PoolID: pool.ID, OriginJTI: origin, ClientID: client.ClientID, UserKey: user.Key,
		RefreshHash: hash, AuthTime: authTime, CreatedAt: now, ExpiresAt: now.Add(refreshValidity(client)),
	})
	if errors.Is(err, store.ErrAlreadyExists) {
		return nil, errSessionExpired
	}
	if errors.Is(err, store.ErrNotFound) {
		return nil, errIncorrect() // the user was deleted meanwhile
	}
	if err != nil {
		return nil, err
	}
	tokens, err := s.mint(ctx, pool, client, user, origin, authTime, now)
	if err != nil {
		return nil, err
	}
	tokens.RefreshToken = refresh
	return tokens, nil
}

// mint signs an ID and an access token for a session.
func (s *Service) mint(ctx context.Context, pool *userpool.Pool, client *userpool.Client, user *userpool.User, origin string, authTime, now time.Time) (*Tokens, error) {
	keys, err := s.KeySet(ctx, pool.ID, false)
	if err != nil {
		return nil, err
	}
	groups, err := s.pools.GroupsForUser(ctx, pool.ID, user.Key)
	if err != nil {
		return nil, err
	}
	names, roles, preferred := groupClaims(groups)
	event := newID(s.rand)
	iss := s.issuer(pool.ID)
	accessTTL := accessValidity(client)
	id, err := keys.Sign(token.UseID, token.IDClaims(token.IDInput{
		Issuer: iss, Sub: user.Sub, ClientID: client.ClientID, Username: user.Username,
		AuthTime: authTime, IssuedAt: now, Expires: now.Add(idValidity(client)),
		JTI: newID(s.rand), OriginJTI: origin, EventID: event,
		Groups: names, Roles: roles, PreferredRole: preferred,
		Attributes: readableAttributes(pool, client, user),
	}))
	if err != nil {
		return nil, err
	}
	access, err := keys.Sign(token.UseAccess, token.AccessClaims(token.AccessInput{
		Issuer: iss, Sub: user.Sub, ClientID: client.ClientID, Username: user.Username,
		AuthTime: authTime, IssuedAt: now, Expires: now.Add(accessTTL),
		JTI: newID(s.rand), OriginJTI: origin, EventID: event,
		Groups: names, Scope: ScopeUserAdmin,
	}))
	if err != nil {
		return nil, err
	}
	return &Tokens{AccessToken: access, IDToken: id, ExpiresIn: int64(accessTTL / time.Second), TokenType: "Bearer"}, nil
}

// groupClaims orders groups by precedence: cognito:groups lists them all,
// cognito:roles their role ARNs, and cognito:preferred_role is the role of
// the group with the lowest precedence (none when that is a tie between
// different roles).
func groupClaims(groups []userpool.Group) (names, roles []string, preferred string) {
	sorted := append([]userpool.Group(nil), groups...)
	sort.SliceStable(sorted, func(i, j int) bool {
		pi, pj := sorted[i].Precedence, sorted[j].Precedence
		switch {
		case pi == nil && pj == nil:
			return sorted[i].Name < sorted[j].Name
		case pi == nil:
			return false
		case pj == nil:
			return true
		case *pi != *pj:
			return *pi < *pj
		}
		return sorted[i].Name < sorted[j].Name
	})
	seen := map[string]bool{}
	var best *int64
	ambiguous := false
	for _, g := range sorted {
		names = append(names, g.Name)
		if g.RoleArn == "" {
			continue
		}
		if !seen[g.RoleArn] {
			roles = append(roles, g.RoleArn)
			seen[g.RoleArn] = true
		}
		switch {
		case preferred == "":
			preferred, best = g.RoleArn, g.Precedence
		case samePrecedence(best, g.Precedence) && g.RoleArn != preferred:
			ambiguous = true
		}
	}
	if ambiguous {
		preferred = ""
	}
	return names, roles, preferred
}

func samePrecedence(a, b *int64) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b
}

// readableAttributes are the attributes the client may read
// (ReadAttributes; all of them when the client names none).
func readableAttributes(pool *userpool.Pool, client *userpool.Client, user *userpool.User) map[string]string {
	out := map[string]string{}
	for name, value := range user.Attributes {
		if name == "sub" || strings.HasPrefix(name, "dev:") {
			continue
		}
		if a, ok := pool.Attribute(name); ok && a.DeveloperOnlyAttribute {
			continue
		}
		if len(client.ReadAttributes) > 0 && !contains(client.ReadAttributes, name) {
			continue
		}
		out[name] = value
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
