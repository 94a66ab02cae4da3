package identitypool

import (
	"context"
	"errors"
	"time"

	"github.com/incognito-idp/incognito/internal/store"
)

// DeveloperTokenInput is GetOpenIdTokenForDeveloperIdentity's request.
type DeveloperTokenInput struct {
	PoolID        *string
	IdentityID    *string
	Logins        map[string]string
	PrincipalTags map[string]string
	TokenDuration *int64
}

// GetOpenIDTokenForDeveloper is GetOpenIdTokenForDeveloperIdentity: the
// app's back end vouches for its user ("<DeveloperProviderName>": "<user
// identifier>"), and gets that user's identity (found, linked or created)
// and an OpenID token the app then uses as the "cognito-identity.amazonaws.com"
// login.
func (s *Service) GetOpenIDTokenForDeveloper(ctx context.Context, in DeveloperTokenInput) (*OpenIDResult, error) {
	var v validation
	v.poolID("identityPoolId", in.PoolID)
	if in.IdentityID != nil {
		v.identityID("identityId", in.IdentityID)
	}
	if v.required("logins", in.Logins != nil) {
		v.logins("logins", in.Logins)
	}
	v.number("tokenDuration", in.TokenDuration, 1, int64(maxDeveloperTTL/time.Second))
	v.count("principalTags", len(in.PrincipalTags), 0, maxPrincipalTags, "{...}")
	for _, k := range sortedKeys(in.PrincipalTags) {
		v.str("principalTags", k, 1, 128, nil, "")
		v.str("principalTags."+k, in.PrincipalTags[k], 1, 256, nil, "")
	}
	if err := v.err(); err != nil {
		return nil, err
	}
	pool, err := s.loadPool(ctx, *in.PoolID)
	if err != nil {
		return nil, err
	}
	if pool.DeveloperProviderName == "" || in.Logins[pool.DeveloperProviderName] == "" {
		return nil, Errorf(NotAuthorized, "The Logins map must hold the identity pool's developer provider name.")
	}
	logins, err := s.verifyLogins(ctx, pool, in.Logins, true)
	if err != nil {
		return nil, err
	}
	var rec store.IdentityRecord
	if in.IdentityID != nil {
		rec, err = s.developerIdentity(ctx, pool, *in.IdentityID, logins)
	} else {
		rec, err = s.identityFor(ctx, pool, logins)
	}
	if err != nil {
		return nil, err
	}
	ttl := developerTTL
	if in.TokenDuration != nil {
		ttl = time.Duration(*in.TokenDuration) * time.Second
	}
	var tags map[string]any
	if len(in.PrincipalTags) > 0 {
		pt := map[string]any{}
		for k, value := range in.PrincipalTags {
			pt[k] = []string{value}
		}
		tags = map[string]any{"principal_tags": pt}
	}
	tok, err := s.mintOpenID(ctx, pool, rec.ID, amr(pool, logins), tags, ttl)
	if err != nil {
		return nil, err
	}
	return &OpenIDResult{IdentityID: rec.ID, Token: tok}, nil
}

// developerIdentity links the logins to a given identity of the pool. A
// developer user already linked to another identity is refused.
func (s *Service) developerIdentity(ctx context.Context, pool *Pool, id string, logins []login) (store.IdentityRecord, error) {
	rec, err := s.loadIdentity(ctx, id)
	if err != nil {
		return rec, err
	}
	if rec.PoolID != pool.ID {
		return rec, errIdentityNotFound(id)
	}
	for _, l := range logins {
		if l.Key == "" {
			continue
		}
		holder, err := s.store.GetIdentityByKey(ctx, pool.ID, l.Key)
		switch {
		case errors.Is(err, store.ErrNotFound):
		case err != nil:
			return rec, err
		case holder.ID != rec.ID && l.Developer != "":
			return rec, Errorf(DeveloperUserAlreadyTaken, "Developer user %s is already registered with a different identity.", l.Developer)
		case holder.ID != rec.ID:
			return rec, Errorf(ResourceConflict, "The login for %s is already linked to a different identity.", l.Provider)
		}
	}
	rec, err = s.link(ctx, rec, logins)
	var conflict *store.ConflictError
	if errors.As(err, &conflict) {
		return rec, Errorf(ResourceConflict, "The logins are linked to different identities.")
	}
	return rec, err
}
