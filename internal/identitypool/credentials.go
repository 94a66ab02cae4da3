package identitypool

import (
	"context"
	"maps"
	"time"

	"github.com/incognito-idp/incognito/internal/awscreds"
)

// credentialsTTL is how long GetCredentialsForIdentity's credentials last.
const credentialsTTL = time.Hour

// CredentialsInput is GetCredentialsForIdentity's request.
type CredentialsInput struct {
	IdentityID    *string
	Logins        map[string]string
	CustomRoleArn *string
}

// CredentialsResult is what GetCredentialsForIdentity answers.
type CredentialsResult struct {
	IdentityID  string
	Credentials awscreds.Credentials
	Principal   awscreds.Principal
}

// GetCredentials is GetCredentialsForIdentity, the enhanced flow: the
// logins are verified against the identity, the role resolved, and
// credentials for it vended (Cognito calls STS on the caller's behalf;
// here awscreds records them with their role, identity and claims).
func (s *Service) GetCredentials(ctx context.Context, in CredentialsInput) (*CredentialsResult, error) {
	var v validation
	v.identityID("identityId", in.IdentityID)
	v.logins("logins", in.Logins)
	v.optStr("customRoleArn", in.CustomRoleArn, 20, 2048, nil, "")
	if err := v.err(); err != nil {
		return nil, err
	}
	pool, rec, logins, err := s.authorize(ctx, *in.IdentityID, in.Logins)
	if err != nil {
		return nil, err
	}
	choice, err := s.resolveRole(pool, logins, deref(in.CustomRoleArn))
	if err != nil {
		return nil, err
	}
	p := awscreds.Principal{RoleArn: choice.RoleArn, IdentityID: rec.ID, IdentityPoolID: pool.ID, Audience: pool.ID, Subject: rec.ID}
	if choice.Login != nil {
		l := choice.Login
		p.Provider, p.Subject = l.Provider, l.Subject
		p.Claims = maps.Clone(l.Claims)
		if tags := pool.sessionTags(l.Provider, l.Claims); tags != nil {
			p.Claims[claimSessionTags] = tags
		}
	} else if authenticated(logins) && len(logins) > 0 {
		p.Provider = logins[0].Provider
	}
	creds, principal, err := s.vendor.Issue(ctx, p, credentialsTTL)
	if err != nil {
		return nil, err
	}
	return &CredentialsResult{IdentityID: rec.ID, Credentials: creds, Principal: principal}, nil
}
