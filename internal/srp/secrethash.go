package srp

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
)

// SecretHash is SECRET_HASH / SecretHash for an app client with a secret:
// base64(HMAC-SHA256(key = clientSecret, msg = username || clientID)), with
// standard padded base64. username is the one the request is about; after a
// challenge or for refresh it is the internal username (USER_ID_FOR_SRP,
// cognito:username), not an alias. Compare it with hmac.Equal.
func SecretHash(clientSecret, username, clientID string) string {
	m := hmac.New(sha256.New, []byte(clientSecret))
	m.Write([]byte(username))
	m.Write([]byte(clientID))
	return base64.StdEncoding.EncodeToString(m.Sum(nil))
}
