package token

import (
	"bytes"
	"crypto"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
)

// Sign mints a compact JWS (RFC 7515 §7.1) over claims with the pool's
// active key for use (UseID, UseAccess or UseIdentity). The header is
// exactly {"kid":"<kid>","alg":"RS256"}, with no typ, as Cognito's.
//
// claims must carry "token_use" equal to use, so that a token can never be
// signed by the other use's key; IDClaims and AccessClaims set it. Identity
// pool OpenID tokens are the exception: Cognito's carry no token_use, so for
// UseIdentity the claims must not have one (and a user-pool token can never
// pass for an identity token, nor the other way round).
//
// The serialisation is assembled here rather than by go-jose because go-jose
// orders header members alphabetically ("alg" first) and we want Cognito's
// exact header bytes, prepared once per key. Signing input, base64url
// without padding and RSASSA-PKCS1-v1_5 with SHA-256 (RFC 7518 §3.3) are all
// there is to it; parsing and verifying go through go-jose.
func (ks KeySet) Sign(use string, claims map[string]any) (string, error) {
	sk := ks.signer(use)
	if sk == nil {
		return "", fmt.Errorf("%w: %q", ErrNoSigningKey, use)
	}
	if err := checkUse(claims, use); err != nil {
		return "", err
	}
	payload, err := encodeClaims(claims)
	if err != nil {
		return "", err
	}

	enc := base64.RawURLEncoding
	out := make([]byte, 0, len(sk.prefix)+enc.EncodedLen(len(payload))+1+enc.EncodedLen(sk.priv.Size()))
	out = append(out, sk.prefix...)
	out = enc.AppendEncode(out, payload)
	digest := sha256.Sum256(out)
	sig, err := rsa.SignPKCS1v15(nil, sk.priv, crypto.SHA256, digest[:])
	if err != nil {
		return "", fmt.Errorf("token: signing with %s: %w", sk.kid, err)
	}
	out = append(out, '.')
	out = enc.AppendEncode(out, sig)
	return string(out), nil
}

// encodeClaims is json.Marshal without HTML escaping, so "&" in a URL or an
// attribute stays "&" as in Cognito's tokens rather than becoming \u0026.
func encodeClaims(claims map[string]any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(claims); err != nil {
		return nil, fmt.Errorf("token: encoding claims: %w", err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// checkUse requires claims to carry token_use equal to use, or, for
// UseIdentity, no token_use at all.
func checkUse(claims map[string]any, use string) error {
	got, present := claims["token_use"]
	if use == UseIdentity {
		if present {
			return fmt.Errorf("%w: token_use %v on an identity-pool token", ErrWrongUse, got)
		}
		return nil
	}
	if s, _ := got.(string); s != use {
		return fmt.Errorf("%w: token_use %v, key use %q", ErrWrongUse, got, use)
	}
	return nil
}
