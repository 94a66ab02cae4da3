package authflow

import (
	"context"
	"slices"

	"github.com/incognito-idp/incognito/internal/secret"
	"github.com/incognito-idp/incognito/internal/userpool"
)

// clientContext loads the app client and its pool; the Admin variants must
// name the client's own pool.
func (s *Service) clientContext(ctx context.Context, clientID string, admin bool, poolID string) (*userpool.Pool, *userpool.Client, error) {
	if clientID == "" {
		return nil, nil, userpool.Invalid("1 validation error detected: Value null at 'clientId' failed to satisfy constraint: Member must not be null")
	}
	if admin && poolID == "" {
		return nil, nil, userpool.Invalid("1 validation error detected: Value null at 'userPoolId' failed to satisfy constraint: Member must not be null")
	}
	client, err := s.pools.GetClient(ctx, clientID)
	if err != nil {
		return nil, nil, err
	}
	if admin && client.PoolID != poolID {
		if _, err := s.pools.GetPool(ctx, poolID); err != nil {
			return nil, nil, err
		}
		return nil, nil, userpool.Errorf(userpool.ResourceNotFound, "User pool client %s does not exist.", clientID)
	}
	pool, err := s.pools.GetPool(ctx, client.PoolID)
	if err != nil {
		return nil, nil, err
	}
	return pool, client, nil
}

// legacyFlows are the pre-2019 ExplicitAuthFlows values; with them (or
// none) SRP and refresh are always allowed.
var legacyFlows = []string{"ADMIN_NO_SRP_AUTH", "CUSTOM_AUTH_FLOW_ONLY", "USER_PASSWORD_AUTH"}

// flowAllowed applies the client's ExplicitAuthFlows. A client that
// rotates refresh tokens refreshes only through GetTokensFromRefreshToken
// (REFRESH_TOKEN_AUTH cannot hand out the new refresh token), so the
// refresh flows are off for it whatever the list says.
func flowAllowed(c *userpool.Client, flow string) bool {
	if (flow == FlowRefreshToken || flow == FlowRefreshTokenAlias) && rotates(c) {
		return false
	}
	return listAllows(c, flow)
}

// listAllows reads ExplicitAuthFlows, legacy values included.
func listAllows(c *userpool.Client, flow string) bool {
	has := func(f string) bool { return slices.Contains(c.ExplicitAuthFlows, f) }
	legacy := len(c.ExplicitAuthFlows) == 0
	for _, f := range legacyFlows {
		if has(f) {
			legacy = true
		}
	}
	if legacy {
		switch flow {
		case FlowUserSRP, FlowRefreshToken, FlowRefreshTokenAlias:
			return !has("CUSTOM_AUTH_FLOW_ONLY") || flow != FlowUserSRP
		case FlowUserPassword:
			return has("USER_PASSWORD_AUTH")
		case FlowAdminUserPassword, FlowAdminNoSRP:
			return has("ADMIN_NO_SRP_AUTH")
		case FlowCustom:
			return true
		}
		return false
	}
	switch flow {
	case FlowUserSRP:
		return has("ALLOW_USER_SRP_AUTH")
	case FlowUserPassword:
		return has("ALLOW_USER_PASSWORD_AUTH")
	case FlowAdminUserPassword, FlowAdminNoSRP:
		return has("ALLOW_ADMIN_USER_PASSWORD_AUTH")
	case FlowRefreshToken, FlowRefreshTokenAlias:
		return has("ALLOW_REFRESH_TOKEN_AUTH")
	case FlowCustom:
		return has("ALLOW_CUSTOM_AUTH")
	case FlowUserAuth:
		return has("ALLOW_USER_AUTH")
	}
	return false
}

// checkSecretHash verifies SECRET_HASH for a client with a secret, against
// every current secret (two may be live during rotation), in constant time.
func checkSecretHash(c *userpool.Client, username, given string) error {
	return userpool.CheckSecretHash(c, username, given)
}

// checkClientSecret verifies a raw ClientSecret (GetTokensFromRefreshToken,
// RevokeToken).
func checkClientSecret(c *userpool.Client, given string) error {
	if !c.HasSecret() {
		return nil
	}
	if given == "" {
		return errSecretMissing(c.ClientID)
	}
	ok := false
	for _, sec := range c.Secrets {
		if secret.Equal(sec.Value, given) {
			ok = true
		}
	}
	if !ok {
		return userpool.Errorf(userpool.NotAuthorized, "Client secret is invalid for client %s", c.ClientID)
	}
	return nil
}
