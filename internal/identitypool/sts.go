package identitypool

import (
	"context"
	"errors"
	"maps"
	"strings"
	"time"

	"github.com/incognito-idp/incognito/internal/authflow"
	"github.com/incognito-idp/incognito/internal/awscreds"
	"github.com/incognito-idp/incognito/internal/store"
	"github.com/incognito-idp/incognito/internal/token"
)

// WebIdentityRequest is AssumeRoleWithWebIdentity's request, once the STS
// layer has checked its members.
type WebIdentityRequest struct {
	RoleArn         string
	RoleSessionName string
	Token           string
	Duration        time.Duration
}

// WebIdentityResult is what AssumeRoleWithWebIdentity answers.
type WebIdentityResult struct {
	Credentials awscreds.Credentials
	Principal   awscreds.Principal
	Provider    string
	Audience    string
	Subject     string
}

// AssumeRoleWithWebIdentity is STS's side of the basic (classic) flow. It
// accepts two kinds of token, as AWS accepts tokens of any OIDC issuer the
// account trusts:
//
//   - the identity pools' own OpenID tokens (GetOpenIdToken), only when the
//     pool allows the classic flow, and only for one of the pool's roles: an
//     unauthenticated identity may assume the unauthenticated role; an
//     authenticated one the authenticated role or a role its role mappings
//     name. (AWS would consult the role's trust policy, which Incognito
//     does not have; these are the roles a pool's trust policies name.)
//   - user-pool ID tokens, for any role (their trust policy would name the
//     user pool as an OIDC provider).
func (s *Service) AssumeRoleWithWebIdentity(ctx context.Context, in WebIdentityRequest) (*WebIdentityResult, error) {
	if !patRoleArn.MatchString(in.RoleArn) {
		return nil, stsErrorf("ValidationError", "Request ARN is invalid")
	}
	_, peek, err := token.Peek(in.Token)
	if err != nil {
		return nil, stsErrorf("InvalidIdentityToken", "The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)")
	}
	iss, _ := peek["iss"].(string)
	var res *WebIdentityResult
	switch poolID, isUserPool := s.userPoolOf(stripScheme(iss)); {
	case iss == s.issuer:
		res, err = s.assumeWithOpenIDToken(ctx, in, peek)
	case isUserPool:
		res, err = s.assumeWithIDToken(ctx, in, poolID, peek)
	default:
		return nil, stsErrorf("InvalidIdentityToken", "No OpenIDConnect provider found in your account for %s", iss)
	}
	if err != nil {
		return nil, err
	}
	res.Principal.RoleSessionName = in.RoleSessionName
	res.Credentials, res.Principal, err = s.vendor.Issue(ctx, res.Principal, in.Duration)
	if err != nil {
		return nil, err
	}
	return res, nil
}

func expiredSTS(peek map[string]any, now time.Time) error {
	exp, _ := peek["exp"].(float64)
	return stsErrorf("ExpiredTokenException", "Token expired: current date/time %d must be before the expiration date/time %d", now.Unix(), int64(exp))
}

func (s *Service) assumeWithOpenIDToken(ctx context.Context, in WebIdentityRequest, peek map[string]any) (*WebIdentityResult, error) {
	claims, err := s.verifyWithIdentityKeys(ctx, in.Token)
	switch {
	case errors.Is(err, token.ErrExpired):
		return nil, expiredSTS(peek, s.now())
	case isTokenError(err):
		return nil, stsErrorf("InvalidIdentityToken", "Couldn't verify the signature of the web identity token.")
	case err != nil:
		return nil, err
	}
	poolID, _ := claims["aud"].(string)
	identityID, _ := claims["sub"].(string)
	pool, err := s.loadPool(ctx, poolID)
	if IsCode(err, ResourceNotFound) {
		return nil, stsErrorf("IDPRejectedClaim", "The identity pool %s of the token no longer exists.", poolID)
	}
	if err != nil {
		return nil, err
	}
	if !pool.AllowClassicFlow {
		return nil, stsErrorf("InvalidIdentityToken", "Basic (classic) flow is not enabled, please use enhanced flow.")
	}
	rec, err := s.store.GetIdentity(ctx, identityID)
	if errors.Is(err, store.ErrNotFound) || (err == nil && rec.PoolID != pool.ID) {
		return nil, stsErrorf("IDPRejectedClaim", "The identity %s of the token no longer exists.", identityID)
	}
	if err != nil {
		return nil, err
	}
	amrs := stringList(claims["amr"])
	if !classicRoleAllowed(pool, contains(amrs, amrAuthenticated), in.RoleArn) {
		return nil, stsErrorf("AccessDenied", "Not authorized to perform sts:AssumeRoleWithWebIdentity")
	}
	return &WebIdentityResult{
		Provider: IdentityProvider, Audience: pool.ID, Subject: identityID,
		Principal: awscreds.Principal{
			RoleArn: in.RoleArn, IdentityID: identityID, IdentityPoolID: pool.ID,
			Provider: IdentityProvider, Subject: identityID, Audience: pool.ID, Claims: maps.Clone(claims),
		},
	}, nil
}

// classicRoleAllowed tells whether an identity may assume role through the
// classic flow: the unauthenticated role for guests; the authenticated role
// and the roles of the role mappings' rules for users.
func classicRoleAllowed(pool *Pool, authenticated bool, role string) bool {
	if !authenticated {
		return role == pool.Roles["unauthenticated"]
	}
	if role == pool.Roles["authenticated"] {
		return true
	}
	for _, m := range pool.RoleMappings {
		for _, r := range m.Rules {
			if r.RoleARN == role {
				return true
			}
		}
	}
	return false
}

func (s *Service) assumeWithIDToken(ctx context.Context, in WebIdentityRequest, poolID string, peek map[string]any) (*WebIdentityResult, error) {
	if use, _ := peek["token_use"].(string); use != token.UseID {
		return nil, stsErrorf("InvalidIdentityToken", "The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)")
	}
	claims, err := s.idTokens.VerifyIDToken(ctx, poolID, in.Token)
	switch {
	case errors.Is(err, token.ErrExpired):
		return nil, expiredSTS(peek, s.now())
	case errors.Is(err, authflow.ErrInvalidIDToken):
		return nil, stsErrorf("InvalidIdentityToken", "Couldn't verify the signature of the web identity token.")
	case err != nil:
		return nil, err
	}
	iss, _ := claims["iss"].(string)
	aud, _ := claims["aud"].(string)
	sub, _ := claims["sub"].(string)
	provider := strings.TrimPrefix(strings.TrimPrefix(iss, "https://"), "http://")
	return &WebIdentityResult{
		Provider: iss, Audience: aud, Subject: sub,
		Principal: awscreds.Principal{
			RoleArn: in.RoleArn, Provider: provider, Subject: sub, Audience: aud, Claims: maps.Clone(claims),
		},
	}, nil
}
