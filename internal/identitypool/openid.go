package identitypool

import (
	"context"
	"time"

	"github.com/incognito-idp/incognito/internal/token"
)

// openIDTTL is the life of GetOpenIdToken's tokens; developer tokens last
// TokenDuration (15 minutes by default, at most a day).
const (
	openIDTTL          = 10 * time.Minute
	developerTTL       = 15 * time.Minute
	maxDeveloperTTL    = 24 * time.Hour
	claimPoolArn       = "https://cognito-identity.amazonaws.com/identity-pool-arn"
	claimSessionTags   = "https://aws.amazon.com/tags"
	amrAuthenticated   = "authenticated"
	amrUnauthenticated = "unauthenticated"
)

// amr lists how the identity authenticated, as Cognito writes it and IAM
// trust policies test it (cognito-identity.amazonaws.com:amr): a guest is
// ["unauthenticated"]; a user is ["authenticated", <provider>,
// <provider>:<detail>] for each login.
func amr(pool *Pool, logins []login) []string {
	out := []string{}
	for _, l := range logins {
		switch {
		case l.IdentityID != "":
			for _, a := range l.AMR {
				if a != amrAuthenticated && a != amrUnauthenticated {
					out = addUnique(out, a)
				}
			}
		case l.Developer != "":
			out = addUnique(out, l.Provider)
			out = addUnique(out, l.Provider+":"+pool.ID+":"+l.Developer)
		default:
			out = addUnique(out, l.Provider)
			out = addUnique(out, l.Provider+":CognitoSignIn:"+l.Subject)
		}
	}
	if authenticated(logins) {
		return append([]string{amrAuthenticated}, out...)
	}
	return []string{amrUnauthenticated}
}

// authenticated tells whether logins make a user rather than a guest: any
// provider login, or one of our tokens minted for a user.
func authenticated(logins []login) bool {
	for _, l := range logins {
		if l.Key != "" || (l.IdentityID != "" && contains(l.AMR, amrAuthenticated)) {
			return true
		}
	}
	return false
}

// mintOpenID signs an identity's OpenID token. Cognito signs these with
// RS512 and a "<region>-<n>" kid; Incognito's token package signs RS256
// only, which every OpenID Connect verifier accepts, with its usual kid.
func (s *Service) mintOpenID(ctx context.Context, pool *Pool, identityID string, amrs []string, tags map[string]any, ttl time.Duration) (string, error) {
	keys, err := s.keySet(ctx, false)
	if err != nil {
		return "", err
	}
	now := s.now()
	claims := map[string]any{
		"iss":        s.issuer,
		"sub":        identityID,
		"aud":        pool.ID,
		"amr":        amrs,
		"iat":        now.Unix(),
		"exp":        now.Add(ttl).Unix(),
		claimPoolArn: s.PoolArn(pool.ID),
	}
	if tags != nil {
		claims[claimSessionTags] = tags
	}
	return keys.Sign(token.UseIdentity, claims)
}

// OpenIDResult is what GetOpenIdToken and the developer variant answer.
type OpenIDResult struct {
	IdentityID string
	Token      string
}

// GetOpenIDToken is GetOpenIdToken: a 10-minute token for the identity,
// proving the logins given (which it links, as Cognito does).
func (s *Service) GetOpenIDToken(ctx context.Context, identityID *string, logins map[string]string) (*OpenIDResult, error) {
	var v validation
	v.identityID("identityId", identityID)
	v.logins("logins", logins)
	if err := v.err(); err != nil {
		return nil, err
	}
	pool, rec, verified, err := s.authorize(ctx, *identityID, logins)
	if err != nil {
		return nil, err
	}
	tok, err := s.mintOpenID(ctx, pool, rec.ID, amr(pool, verified), s.tagsFor(pool, verified), openIDTTL)
	if err != nil {
		return nil, err
	}
	return &OpenIDResult{IdentityID: rec.ID, Token: tok}, nil
}

// tagsFor is the session tags of the first login whose provider has a
// principal-tag map.
func (s *Service) tagsFor(pool *Pool, logins []login) map[string]any {
	for _, l := range logins {
		if l.Claims == nil || l.IdentityID != "" {
			continue
		}
		if tags := pool.sessionTags(l.Provider, l.Claims); tags != nil {
			return tags
		}
	}
	for _, l := range logins {
		if l.IdentityID != "" {
			if tags, ok := l.Claims[claimSessionTags].(map[string]any); ok {
				return tags
			}
		}
	}
	return nil
}
