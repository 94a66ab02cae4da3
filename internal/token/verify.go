package token

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	jose "github.com/go-jose/go-jose/v4"
)

// maxTokenLen bounds what we are willing to parse. The largest honest ID
// token (50 custom attributes of 2048 characters, 100 groups) stays well
// under it.
const maxTokenLen = 256 << 10

// maxIssuedAtSkew is how far in the future iat may lie: another replica's
// clock may run a little ahead of ours.
const maxIssuedAtSkew = 5 * time.Minute

// Header is the part of a token's JOSE header that callers may look at.
type Header struct {
	KeyID     string
	Algorithm string
}

// Verify checks token against the pool's keys at now and returns its
// claims. It accepts only what this package mints: a compact JWS with alg
// RS256 whose kid names a live key of the set and whose signature verifies
// with that key; token_use equal to that key's use (absent for UseIdentity
// keys); exp after now; nbf, if present, not after now; iat, if present,
// not more than a few minutes after now. Any key material in the token's header (jwk, jku, x5u, x5c) is
// ignored: keys come only from the KeySet.
//
// Claims are decoded with encoding/json, so numbers are float64. Callers
// still check iss, client_id/aud and revocation (origin_jti) themselves, and
// use VerifyUse where only one kind of token is acceptable.
func (ks KeySet) Verify(token string, now time.Time) (map[string]any, error) {
	claims, _, err := ks.verify(token, now)
	return claims, err
}

// verify is Verify that also tells the use of the key that signed.
func (ks KeySet) verify(token string, now time.Time) (map[string]any, string, error) {
	jws, err := parse(token)
	if err != nil {
		return nil, "", err
	}
	return ks.verifyJWS(jws, nil, now)
}

// verifyJWS checks a parsed token. claims, when not nil, are its payload
// already decoded (by Parse): the signature covers those very bytes, so
// they are not decoded twice.
func (ks KeySet) verifyJWS(jws *jose.JSONWebSignature, claims map[string]any, now time.Time) (map[string]any, string, error) {
	kid := jws.Signatures[0].Header.KeyID
	if kid == "" {
		return nil, "", fmt.Errorf("%w: no kid in header", ErrMalformed)
	}
	var vk *verifyingKey
	if ks.s != nil {
		vk = ks.s.byKID[kid]
	}
	if vk == nil {
		return nil, "", fmt.Errorf("%w: unknown kid %q", ErrSignature, kid)
	}
	if vk.retiredAt != nil && !now.Before(vk.retiredAt.Add(RetiredKeyTTL)) {
		return nil, "", fmt.Errorf("%w: key %q retired", ErrSignature, kid)
	}
	payload, err := jws.Verify(vk.pub)
	if err != nil {
		return nil, "", fmt.Errorf("%w: %v", ErrSignature, err)
	}
	if claims == nil {
		if claims, err = decodeClaims(payload); err != nil {
			return nil, "", err
		}
	}
	if err := checkUse(claims, vk.use); err != nil {
		return nil, "", err
	}
	if err := checkTimes(claims, now); err != nil {
		return nil, "", err
	}
	return claims, vk.use, nil
}

// VerifyUse is Verify for places that accept one kind of token only, such
// as an AccessToken parameter (UseAccess), an identity-pool login (UseID)
// or an identity-pool OpenID token (UseIdentity): the key that signed must
// be of that use, which Verify has already matched against token_use.
func (ks KeySet) VerifyUse(token, use string, now time.Time) (map[string]any, error) {
	claims, keyUse, err := ks.verify(token, now)
	if err != nil {
		return nil, err
	}
	if keyUse != use {
		return nil, fmt.Errorf("%w: signed by a %s key, want %q", ErrWrongUse, keyUse, use)
	}
	return claims, nil
}

// Parsed is a token read by Parse: its form checked, its claims decoded,
// nothing verified yet.
type Parsed struct {
	jws    *jose.JSONWebSignature
	claims map[string]any
}

// Parse reads token as Peek does, keeping it for KeySet.VerifyParsed, so a
// caller that must look inside a token (iss names the pool whose keys
// verify it) parses and decodes it once. The same rules as Verify apply.
func Parse(token string) (*Parsed, error) {
	jws, err := parse(token)
	if err != nil {
		return nil, err
	}
	claims, err := decodeClaims(jws.UnsafePayloadWithoutVerification())
	if err != nil {
		return nil, err
	}
	return &Parsed{jws: jws, claims: claims}, nil
}

// UnverifiedClaims are the token's claims as decoded by Parse. Nothing in
// them may be trusted before VerifyParsed succeeds; the caller must not
// modify them, since VerifyParsed returns the same map.
func (p *Parsed) UnverifiedClaims() map[string]any { return p.claims }

// VerifyParsed is VerifyUse for a token read by Parse (use "" accepts a
// key of any use, as Verify does). It returns the claims Parse decoded once
// the signature over them is checked.
func (ks KeySet) VerifyParsed(p *Parsed, use string, now time.Time) (map[string]any, error) {
	if p == nil || p.jws == nil {
		return nil, fmt.Errorf("%w: no token", ErrMalformed)
	}
	claims, keyUse, err := ks.verifyJWS(p.jws, p.claims, now)
	if err != nil {
		return nil, err
	}
	if use != "" && keyUse != use {
		return nil, fmt.Errorf("%w: signed by a %s key, want %q", ErrWrongUse, keyUse, use)
	}
	return claims, nil
}

// Peek decodes token without verifying anything but its form, so the caller
// can find the pool (from iss) whose KeySet should Verify it. Nothing it
// returns may be trusted. Only RS256 tokens are read, since no other kind
// can verify.
func Peek(token string) (Header, map[string]any, error) {
	p, err := Parse(token)
	if err != nil {
		return Header{}, nil, err
	}
	h := p.jws.Signatures[0].Header
	return Header{KeyID: h.KeyID, Algorithm: h.Algorithm}, p.claims, nil
}

// parse reads the compact serialisation through go-jose, allowing RS256
// only: alg "none", HMAC (the classic key-confusion attack, where the RSA
// public key is used as an HMAC secret), ECDSA, EdDSA and PSS are refused
// before any key is looked at.
func parse(token string) (*jose.JSONWebSignature, error) {
	if token == "" || len(token) > maxTokenLen {
		return nil, fmt.Errorf("%w: length %d", ErrMalformed, len(token))
	}
	// Compact JWS is base64url and dots only. Checking that up front also
	// stops whitespace the base64 decoder would skip from making several
	// spellings of one token.
	for i := 0; i < len(token); i++ {
		if c := token[i]; !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.') {
			return nil, fmt.Errorf("%w: character %q at %d", ErrMalformed, c, i)
		}
	}
	jws, err := jose.ParseSignedCompact(token, []jose.SignatureAlgorithm{jose.RS256})
	if err != nil {
		var alg *jose.ErrUnexpectedSignatureAlgorithm
		if errors.As(err, &alg) {
			return nil, fmt.Errorf("%w: algorithm %q refused", ErrSignature, alg.Got)
		}
		return nil, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	if len(jws.Signatures) != 1 {
		return nil, fmt.Errorf("%w: %d signatures", ErrMalformed, len(jws.Signatures))
	}
	return jws, nil
}

func decodeClaims(payload []byte) (map[string]any, error) {
	var claims map[string]any
	if err := json.Unmarshal(payload, &claims); err != nil {
		return nil, fmt.Errorf("%w: claims: %v", ErrMalformed, err)
	}
	if claims == nil {
		return nil, fmt.Errorf("%w: claims are not an object", ErrMalformed)
	}
	return claims, nil
}

// checkTimes applies exp (required), nbf and iat (RFC 7519 §4.1.4-4.1.6).
func checkTimes(claims map[string]any, now time.Time) error {
	t := float64(now.UnixMilli()) / 1000
	exp, ok, err := numericClaim(claims, "exp")
	switch {
	case err != nil:
		return err
	case !ok:
		return fmt.Errorf("%w: no exp", ErrMalformed)
	case exp <= t:
		return fmt.Errorf("%w: exp %.0f, now %.0f", ErrExpired, exp, t)
	}
	if nbf, ok, err := numericClaim(claims, "nbf"); err != nil {
		return err
	} else if ok && nbf > t {
		return fmt.Errorf("%w: nbf %.0f, now %.0f", ErrNotYetValid, nbf, t)
	}
	if iat, ok, err := numericClaim(claims, "iat"); err != nil {
		return err
	} else if ok && iat > t+maxIssuedAtSkew.Seconds() {
		return fmt.Errorf("%w: iat %.0f, now %.0f", ErrNotYetValid, iat, t)
	}
	return nil
}

func numericClaim(claims map[string]any, name string) (float64, bool, error) {
	v, present := claims[name]
	if !present {
		return 0, false, nil
	}
	f, ok := v.(float64)
	if !ok {
		return 0, false, fmt.Errorf("%w: %s is not a number", ErrMalformed, name)
	}
	return f, true, nil
}
