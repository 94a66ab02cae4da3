package token

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"io"
	"strings"
)

// opaqueHeader is base64url of {"cty":"JWT","enc":"A256GCM","alg":"RSA-OAEP"},
// the protected header Cognito's refresh tokens (JWE) start with. Some tools
// sniff it to tell refresh tokens from others.
const opaqueHeader = "eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIiwiYWxnIjoiUlNBLU9BRVAifQ"

// NewOpaque makes a refresh token: a string shaped like Cognito's (a
// five-part JWE compact serialisation, alphabet [A-Za-z0-9-_.]) that is
// really 92 random bytes. It encrypts nothing; the server finds the
// session by the token's hash. Store only hash (HashOpaque(token)).
//
// rand should be crypto/rand.Reader, which never fails; NewOpaque panics if
// rand does, rather than hand out a guessable token.
func NewOpaque(rand io.Reader) (token string, hash []byte) {
	// Sizes of the random parts after the header, in JWE order: encrypted
	// key, IV, ciphertext, tag. The first alone is 256 bits; the rest give
	// the string its five-part shape.
	parts := [4]int{32, 12, 32, 16}
	enc := base64.RawURLEncoding
	var raw [32 + 12 + 32 + 16]byte
	if _, err := io.ReadFull(rand, raw[:]); err != nil {
		panic(fmt.Sprintf("token: reading randomness for a refresh token: %v", err))
	}
	var b strings.Builder
	b.Grow(len(opaqueHeader) + 4 + enc.EncodedLen(len(raw)) + 4)
	b.WriteString(opaqueHeader)
	rest := raw[:]
	for _, n := range parts {
		b.WriteByte('.')
		b.WriteString(enc.EncodeToString(rest[:n]))
		rest = rest[n:]
	}
	token = b.String()
	return token, HashOpaque(token)
}

// HashOpaque is the SHA-256 of a refresh token, the only form in which it
// is stored. The token carries 256 random bits, so a fast unsalted hash is
// enough: the stored value cannot be turned back into a usable token.
func HashOpaque(token string) []byte {
	sum := sha256.Sum256([]byte(token))
	return sum[:]
}

// IsOpaque reports whether token has the shape NewOpaque gives: the JWE
// header and four more non-empty base64url parts. RevokeToken uses it to
// answer UnsupportedTokenTypeException for anything else.
func IsOpaque(token string) bool {
	rest, ok := strings.CutPrefix(token, opaqueHeader+".")
	if !ok || len(token) > maxTokenLen {
		return false
	}
	parts := strings.Split(rest, ".")
	if len(parts) != 4 {
		return false
	}
	for _, p := range parts {
		if p == "" {
			return false
		}
		if _, err := base64.RawURLEncoding.DecodeString(p); err != nil {
			return false
		}
	}
	return true
}
