package token

import (
	"encoding/json"
	"fmt"

	jose "github.com/go-jose/go-jose/v4"
)

// jwk is one entry of the JWKS, with Cognito's field order (alphabetical).
type jwk struct {
	Alg string `json:"alg"`
	E   string `json:"e"`
	Kid string `json:"kid"`
	Kty string `json:"kty"`
	N   string `json:"n"`
	Use string `json:"use"`
}

type jwksDoc struct {
	Keys []jwk `json:"keys"`
}

// renderJWKS encodes the public halves of keys as a JWKS document. go-jose
// does the RSA parameter encoding; we only fix the field order and the
// alg/use members that aws-jwt-verify insists on.
func renderJWKS(keys []Key) ([]byte, error) {
	doc := jwksDoc{Keys: make([]jwk, 0, len(keys))}
	for _, k := range keys {
		raw, err := jose.JSONWebKey{
			Key:       &k.Private.PublicKey,
			KeyID:     k.ID,
			Algorithm: string(jose.RS256),
			Use:       "sig",
		}.MarshalJSON()
		if err != nil {
			return nil, fmt.Errorf("token: key %s: %w", k.ID, err)
		}
		var j jwk
		if err := json.Unmarshal(raw, &j); err != nil {
			return nil, fmt.Errorf("token: key %s: %w", k.ID, err)
		}
		doc.Keys = append(doc.Keys, j)
	}
	return json.Marshal(doc)
}

// JWKS returns the pool's JSON Web Key Set, as served at
// <issuer>/.well-known/jwks.json:
//
//	{"keys":[{"alg":"RS256","e":"AQAB","kid":"…","kty":"RSA","n":"…","use":"sig"}]}
//
// It lists every live key, oldest first. The bytes are rendered once, in
// NewKeySet; callers must not modify them.
func (ks KeySet) JWKS() []byte {
	if ks.s == nil {
		return []byte(`{"keys":[]}`)
	}
	return ks.s.jwks
}
