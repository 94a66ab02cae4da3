package authflow

import (
	"context"
	"errors"
	"fmt"

	"github.com/incognito-idp/incognito/internal/store"
	"github.com/incognito-idp/incognito/internal/token"
	"github.com/incognito-idp/incognito/internal/userpool"
)

// ErrInvalidIDToken is wrapped by VerifyIDToken's refusals other than
// expiry: not a token of ours, a bad signature, the wrong token_use, the
// wrong issuer or an unknown pool. An expired token wraps token.ErrExpired
// instead. Any other error is the store's and internal.
var ErrInvalidIDToken = errors.New("authflow: invalid ID token")

// VerifyIDToken checks an ID token presented to an identity pool or to STS
// as coming from the user pool poolID: signature by one of the pool's ID
// keys (asking the store again when the kid is unknown, since another
// replica may have added a key), expiry, token_use "id" and iss equal to
// the pool's issuer. It returns the token's claims. The caller checks aud
// against the app clients it trusts, and revocation with SessionLive when
// it asks for a server-side check.
func (s *Service) VerifyIDToken(ctx context.Context, poolID, raw string) (map[string]any, error) {
	if _, err := s.pools.GetPool(ctx, poolID); err != nil {
		if userpool.IsCode(err, userpool.ResourceNotFound) {
			return nil, fmt.Errorf("%w: no user pool %s", ErrInvalidIDToken, poolID)
		}
		return nil, err
	}
	parsed, err := token.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalidIDToken, err)
	}
	claims, err := s.verifyWithPoolKeys(ctx, poolID, parsed, token.UseID)
	switch {
	case errors.Is(err, token.ErrExpired):
		return nil, err
	case isTokenError(err):
		return nil, fmt.Errorf("%w: %v", ErrInvalidIDToken, err)
	case err != nil:
		return nil, err
	}
	if iss, _ := claims["iss"].(string); iss != s.issuer(poolID) {
		return nil, fmt.Errorf("%w: iss %q is not pool %s's", ErrInvalidIDToken, iss, poolID)
	}
	return claims, nil
}

// isTokenError tells the token package's refusals from store failures.
func isTokenError(err error) bool {
	for _, e := range []error{token.ErrMalformed, token.ErrSignature, token.ErrNotYetValid, token.ErrWrongUse, token.ErrExpired} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

// SessionLive reports whether the sign-in session a token was minted from
// (its origin_jti) still stands: not revoked by RevokeToken or a global
// sign-out, and its user neither deleted (which removes the session) nor
// disabled. Identity pools ask it for providers with ServerSideTokenCheck.
func (s *Service) SessionLive(ctx context.Context, poolID, originJTI string) (bool, error) {
	if originJTI == "" {
		return false, nil
	}
	sess, err := s.store.GetSession(ctx, poolID, originJTI)
	if errors.Is(err, store.ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if sess.RevokedAt != nil {
		return false, nil
	}
	pool, err := s.pools.GetPool(ctx, poolID)
	if userpool.IsCode(err, userpool.ResourceNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	user, err := s.pools.UserByKey(ctx, pool, sess.UserKey)
	if userpool.IsCode(err, userpool.UserNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return user.Enabled, nil
}
