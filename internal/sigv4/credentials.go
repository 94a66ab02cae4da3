package sigv4

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
)

// Credentials looks up the secret that signed a request.
type Credentials interface {
	// SecretFor returns the secret key for an access key id (and session
	// token, empty when absent). ok=false means the key is unknown; err is
	// for failures of the lookup itself (a store that does not answer).
	SecretFor(ctx context.Context, accessKeyID, sessionToken string) (secret string, ok bool, err error)
}

// StaticCredentials are configured long-term keys: access key id -> secret
// access key (the --admin-access-key-id / --admin-secret-access-key pair).
// The session token is ignored: it names no credential here, and the
// signature already proves the caller holds the secret.
type StaticCredentials map[string]string

// SecretFor looks the key up without a map lookup's early exit: every
// configured id is compared, in constant time, against the requested one
// (both hashed first, so the comparison does not depend on their lengths).
// The time taken depends only on how many keys are configured. Whether the
// key exists is still told by the answer itself (UnrecognizedClientException
// against InvalidSignatureException), as AWS tells it.
func (c StaticCredentials) SecretFor(_ context.Context, accessKeyID, _ string) (string, bool, error) {
	want := sha256.Sum256([]byte(accessKeyID))
	var secret string
	found := 0
	for id, s := range c {
		have := sha256.Sum256([]byte(id))
		eq := subtle.ConstantTimeCompare(have[:], want[:])
		if eq == 1 {
			secret = s
		}
		found |= eq
	}
	return secret, found == 1, nil
}
