package userpool

import (
	"fmt"
	"io"
	"regexp"
	"strings"
)

// Identifiers look exactly like Cognito's, because clients parse them:
// amazon-cognito-identity-js splits the pool ID at "_" for the region and
// the SRP pool name, aws-jwt-verify checks the pool ID's shape.
//
//	pool ID        <region>_<9 of [A-Za-z0-9]>   us-east-1_AbC123xyz
//	client ID      26 of [a-z0-9]                2n1lel48549hho97cvcdbra0ae
//	client secret  51 of [a-z0-9]
const (
	poolIDSuffixLen = 9
	clientIDLen     = 26
	clientSecretLen = 51

	alnumMixed = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	alnumLower = "abcdefghijklmnopqrstuvwxyz0123456789"
)

// randomString draws n characters of alphabet from r without modulo bias.
func randomString(r io.Reader, alphabet string, n int) (string, error) {
	limit := 256 - 256%len(alphabet)
	var b strings.Builder
	buf := make([]byte, n+n/2)
	for b.Len() < n {
		if _, err := io.ReadFull(r, buf); err != nil {
			return "", fmt.Errorf("userpool: reading randomness: %w", err)
		}
		for _, x := range buf {
			if int(x) < limit && b.Len() < n {
				b.WriteByte(alphabet[int(x)%len(alphabet)])
			}
		}
	}
	return b.String(), nil
}

func (s *Service) newPoolID() (string, error) {
	suffix, err := randomString(s.rand, alnumMixed, poolIDSuffixLen)
	if err != nil {
		return "", err
	}
	return s.region + "_" + suffix, nil
}

func (s *Service) newClientID() (string, error) {
	return randomString(s.rand, alnumLower, clientIDLen)
}

func (s *Service) newClientSecret() (string, error) {
	return randomString(s.rand, alnumLower, clientSecretLen)
}

// PoolArn is the pool's ARN, arn:aws:cognito-idp:<region>:<account>:userpool/<id>.
func (s *Service) PoolArn(poolID string) string {
	return fmt.Sprintf("arn:aws:cognito-idp:%s:%s:userpool/%s", s.region, s.accountID, poolID)
}

// Region is the region pool IDs are minted in.
func (s *Service) Region() string { return s.region }

var fixedPoolSuffix = regexp.MustCompile(`^[0-9a-zA-Z]{1,40}$`)

// checkFixedPoolID validates a pool ID chosen by the config-file seeder: it
// must be "<this server's region>_<letters and digits>" (the API's pattern
// [\w-]+_[0-9a-zA-Z]+, at most 55 characters), so that clients deriving
// the region from the ID agree with the server.
func (s *Service) checkFixedPoolID(id string) error {
	region, suffix, ok := strings.Cut(id, "_")
	if !ok || region != s.region || !fixedPoolSuffix.MatchString(suffix) || len(id) > 55 {
		return Invalid("Invalid user pool ID %q: fixed pool IDs must look like %s_AbC123xyz (this server's region, an underscore, letters and digits).", id, s.region)
	}
	return nil
}

// checkFixedClientID validates a client ID chosen by the seeder: the API's
// pattern [\w+]+, 1 to 128 characters (Cognito's own are 26 of [a-z0-9]).
func checkFixedClientID(id string) error {
	if len(id) < 1 || len(id) > 128 || !patClientID.re.MatchString(id) {
		return Invalid("Invalid client ID %q: fixed client IDs must be 1 to 128 characters of letters, digits, '_' and '+'.", id)
	}
	return nil
}
