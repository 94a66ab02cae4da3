package identitypool

import (
	"context"
	"errors"
	"strings"

	"github.com/incognito-idp/incognito/internal/authflow"
	"github.com/incognito-idp/incognito/internal/token"
)

// IdentityProvider is the Logins key of the identity pools' own OpenID
// tokens (GetOpenIdToken, GetOpenIdTokenForDeveloperIdentity).
const IdentityProvider = "cognito-identity.amazonaws.com"

// login is one verified entry of a Logins map.
type login struct {
	// Provider is the provider name an identity lists in its Logins: the
	// AWS spelling for user pools, the developer provider name, or
	// IdentityProvider.
	Provider string
	// Key is the identity key the login holds ("" for IdentityProvider
	// tokens, which name their identity instead).
	Key      string
	Subject  string
	ClientID string         // user pools: the token's aud
	Claims   map[string]any // user pools and identity tokens
	// IdentityID and AMR come from an IdentityProvider token.
	IdentityID string
	AMR        []string
	// Developer is the developer user identifier of a developer login.
	Developer string
}

func userPoolKey(provider, sub string) string { return provider + "|" + sub }

func developerKey(provider, userID string) string { return "dev|" + provider + "|" + userID }

// verifyLogins checks every entry of a Logins map, in key order, and
// refuses the whole request at the first that fails. Developer logins
// ("<DeveloperProviderName>": "<user identifier>") are taken only when
// developer is set: from GetOpenIdTokenForDeveloperIdentity, which is
// IAM-signed, never from the public operations.
func (s *Service) verifyLogins(ctx context.Context, pool *Pool, logins map[string]string, developer bool) ([]login, error) {
	out := make([]login, 0, len(logins))
	for _, key := range sortedKeys(logins) {
		raw := logins[key]
		var l login
		var err error
		switch poolID, isUserPool := s.userPoolOf(key); {
		case key == IdentityProvider:
			l, err = s.verifyIdentityLogin(ctx, pool, raw)
		case developer && pool.DeveloperProviderName != "" && key == pool.DeveloperProviderName:
			if n := len([]rune(raw)); n < 1 || n > 1024 {
				return nil, Errorf(InvalidParameter, "1 validation error detected: Value at 'logins.%s' failed to satisfy constraint: Member must have length between 1 and 1024", key)
			}
			l = login{Provider: key, Key: developerKey(key, raw), Subject: raw, Developer: raw}
		case isUserPool:
			l, err = s.verifyUserPoolLogin(ctx, pool, poolID, raw)
		default:
			err = s.refuseOtherProvider(pool, key)
		}
		if err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, nil
}

// verifyUserPoolLogin checks a user-pool ID token: the pool must trust the
// user pool with the token's aud among its app clients; signature, expiry,
// token_use and iss are authflow's to check; with ServerSideTokenCheck the
// sign-in session must still stand.
func (s *Service) verifyUserPoolLogin(ctx context.Context, pool *Pool, poolID, raw string) (login, error) {
	var trusted []CognitoProvider
	for _, p := range pool.CognitoProviders {
		if id, ok := s.userPoolOf(p.ProviderName); ok && id == poolID {
			trusted = append(trusted, p)
		}
	}
	if len(trusted) == 0 {
		return login{}, errUnsupportedProvider()
	}
	_, peek, err := token.Peek(raw)
	if err != nil {
		return login{}, errNotOpenIDToken()
	}
	if iss, _ := peek["iss"].(string); !strings.HasSuffix(iss, "/"+poolID) {
		return login{}, errIssuerMismatch()
	}
	claims, err := s.idTokens.VerifyIDToken(ctx, poolID, raw)
	switch {
	case errors.Is(err, token.ErrExpired):
		exp, _ := peek["exp"].(float64)
		return login{}, errTokenExpired(int64(exp), s.now().Unix())
	case errors.Is(err, authflow.ErrInvalidIDToken):
		return login{}, errNotOpenIDToken()
	case err != nil:
		return login{}, err
	}
	aud, _ := claims["aud"].(string)
	sub, _ := claims["sub"].(string)
	var provider *CognitoProvider
	for i := range trusted {
		if trusted[i].ClientID == aud {
			provider = &trusted[i]
			break
		}
	}
	if provider == nil || sub == "" {
		return login{}, errUnsupportedProvider()
	}
	if provider.ServerSideTokenCheck {
		origin, _ := claims["origin_jti"].(string)
		live, err := s.idTokens.SessionLive(ctx, poolID, origin)
		if err != nil {
			return login{}, err
		}
		if !live {
			return login{}, Errorf(NotAuthorized, "Invalid login token. Token has been revoked.")
		}
	}
	name := canonicalUserPoolProvider(poolID)
	return login{Provider: name, Key: userPoolKey(name, sub), Subject: sub, ClientID: aud, Claims: claims}, nil
}

// verifyIdentityLogin checks one of our own OpenID tokens presented back
// under "cognito-identity.amazonaws.com": it names its identity.
func (s *Service) verifyIdentityLogin(ctx context.Context, pool *Pool, raw string) (login, error) {
	claims, err := s.verifyOpenIDToken(ctx, raw)
	if err != nil {
		return login{}, err
	}
	if claims["aud"] != pool.ID {
		return login{}, errUnsupportedProvider()
	}
	sub, _ := claims["sub"].(string)
	return login{Provider: IdentityProvider, IdentityID: sub, Subject: sub, AMR: stringList(claims["amr"]), Claims: claims}, nil
}

// verifyOpenIDToken checks an identity-pool OpenID token's signature,
// expiry and issuer, with Cognito's login-token messages.
func (s *Service) verifyOpenIDToken(ctx context.Context, raw string) (map[string]any, error) {
	_, peek, err := token.Peek(raw)
	if err != nil {
		return nil, errNotOpenIDToken()
	}
	claims, err := s.verifyWithIdentityKeys(ctx, raw)
	switch {
	case errors.Is(err, token.ErrExpired):
		exp, _ := peek["exp"].(float64)
		return nil, errTokenExpired(int64(exp), s.now().Unix())
	case isTokenError(err):
		return nil, errNotOpenIDToken()
	case err != nil:
		return nil, err
	}
	if claims["iss"] != s.issuer {
		return nil, errNotOpenIDToken()
	}
	return claims, nil
}

func isTokenError(err error) bool {
	for _, e := range []error{token.ErrMalformed, token.ErrSignature, token.ErrNotYetValid, token.ErrWrongUse, token.ErrExpired} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

// refuseOtherProvider answers logins Incognito cannot check: social and
// generic OpenID Connect or SAML providers would need their issuers'
// keys, fetched over the network, which this release does not do.
func (s *Service) refuseOtherProvider(pool *Pool, key string) error {
	_, social := pool.SupportedLoginProviders[key]
	configured := social
	for _, arn := range pool.OpenIDConnectProviders {
		configured = configured || strings.HasSuffix(arn, ":oidc-provider/"+key)
	}
	configured = configured || contains(pool.SAMLProviders, key)
	if !configured {
		return errUnsupportedProvider()
	}
	return Errorf(NotAuthorized, "Invalid login token. Incognito cannot verify logins from %s yet; use a Cognito user pool or a developer-authenticated identity.", key)
}

// stringList reads a JSON array of strings (or one string) from claims.
func stringList(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []string:
		return x
	case []any:
		out := make([]string, 0, len(x))
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}
