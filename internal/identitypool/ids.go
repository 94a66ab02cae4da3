package identitypool

import (
	"fmt"
	"io"
	"strings"

	"github.com/google/uuid"
)

// Identity pool and identity IDs are "<region>:<uuid>", as Cognito's
// (clients take the region from the part before the colon).
func (s *Service) newID() (string, error) {
	id, err := uuid.NewRandomFromReader(s.rand)
	if err != nil {
		return "", fmt.Errorf("identitypool: reading randomness: %w", err)
	}
	return s.region + ":" + id.String(), nil
}

func newUUID(r io.Reader) (string, error) {
	id, err := uuid.NewRandomFromReader(r)
	if err != nil {
		return "", fmt.Errorf("identitypool: reading randomness: %w", err)
	}
	return id.String(), nil
}

// PoolArn is arn:aws:cognito-identity:<region>:<account>:identitypool/<id>.
func (s *Service) PoolArn(id string) string {
	return fmt.Sprintf("arn:aws:cognito-identity:%s:%s:identitypool/%s", s.region, s.accountID, id)
}

// poolIDFromArn reads an identity pool ARN of this server's region and
// account; ok is false for anything else.
func (s *Service) poolIDFromArn(arn string) (string, bool) {
	prefix := fmt.Sprintf("arn:aws:cognito-identity:%s:%s:identitypool/", s.region, s.accountID)
	id, ok := strings.CutPrefix(arn, prefix)
	return id, ok && patPoolID.MatchString(id) && len(id) <= 55
}

// canonicalUserPoolProvider is the AWS-style provider name of a user pool,
// cognito-idp.<region>.amazonaws.com/<poolId>, the region being the pool
// ID's own.
func canonicalUserPoolProvider(poolID string) string {
	region, _, _ := strings.Cut(poolID, "_")
	return "cognito-idp." + region + ".amazonaws.com/" + poolID
}

// userPoolOf tells whether a provider name (a Logins key, a configured
// ProviderName or the provider part of a role-mapping key) names a user
// pool, and which. Both spellings are accepted: the AWS one and this
// server's issuer without its scheme ("127.0.0.1:9229/us-east-1_X"), which
// amplify derives from the ID token's iss.
func (s *Service) userPoolOf(name string) (string, bool) {
	i := strings.LastIndex(name, "/")
	if i < 0 {
		return "", false
	}
	poolID := name[i+1:]
	if !strings.Contains(poolID, "_") {
		return "", false
	}
	if name == canonicalUserPoolProvider(poolID) {
		return poolID, true
	}
	if s.userPoolIssuer != nil && name == stripScheme(s.userPoolIssuer(poolID)) {
		return poolID, true
	}
	return "", false
}

// canonicalProvider is the AWS spelling of a user-pool provider name, and
// any other provider name unchanged.
func (s *Service) canonicalProvider(name string) string {
	if poolID, ok := s.userPoolOf(name); ok {
		return canonicalUserPoolProvider(poolID)
	}
	return name
}

func stripScheme(u string) string {
	if _, rest, ok := strings.Cut(u, "://"); ok {
		return rest
	}
	return u
}

// UserPoolProvider is the provider name of a user pool in an identity
// pool's CognitoIdentityProviders and Logins:
// cognito-idp.<region>.amazonaws.com/<poolId>.
func UserPoolProvider(poolID string) string { return canonicalUserPoolProvider(poolID) }
