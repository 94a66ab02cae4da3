package identity

import (
	"context"

	"github.com/incognito-idp/incognito/internal/api/sts"
	"github.com/incognito-idp/incognito/internal/identitypool"
)

// STSBackend lets api/sts trade web identity tokens through the identity
// pool domain.
type STSBackend struct {
	Pools *identitypool.Service
}

// AssumeRoleWithWebIdentity implements sts.Backend.
func (b STSBackend) AssumeRoleWithWebIdentity(ctx context.Context, in sts.WebIdentityInput) (*sts.WebIdentityOutput, error) {
	res, err := b.Pools.AssumeRoleWithWebIdentity(ctx, identitypool.WebIdentityRequest{
		RoleArn: in.RoleArn, RoleSessionName: in.RoleSessionName, Token: in.WebIdentityToken, Duration: in.Duration,
	})
	if err != nil {
		return nil, err
	}
	return &sts.WebIdentityOutput{
		Credentials: res.Credentials, Principal: res.Principal,
		Provider: res.Provider, Audience: res.Audience, Subject: res.Subject,
	}, nil
}
