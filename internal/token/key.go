package token

import (
	"crypto"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	jose "github.com/go-jose/go-jose/v4"
)

// Key uses. Cognito signs ID and access tokens with different keys, so a
// pool's JWKS normally lists (at least) one of each. UseIdentity keys sign
// the identity pools' OpenID tokens (GetOpenIdToken), which carry no
// token_use claim at all; their key set is separate from any user pool's.
const (
	UseID       = "id"
	UseAccess   = "access"
	UseIdentity = "identity"
)

// KeyBits is the RSA modulus size of generated keys, as Cognito's.
const KeyBits = 2048

// Key is one RSA signing key of a user pool (or of the identity pools).
type Key struct {
	ID        string // kid; see KeyID
	Use       string // UseID, UseAccess or UseIdentity
	Private   *rsa.PrivateKey
	CreatedAt time.Time
	RetiredAt *time.Time // nil while the key may sign
}

// GenerateKey makes a new 2048-bit RSA key for use, created at now.
//
// rand is handed to rsa.GenerateKey; note that since Go 1.26 the standard
// library ignores it there and always draws from its own secure source, so
// generated keys cannot be made deterministic this way.
func GenerateKey(rand io.Reader, use string, now time.Time) (Key, error) {
	if !validUse(use) {
		return Key{}, fmt.Errorf("token: unknown key use %q", use)
	}
	priv, err := rsa.GenerateKey(rand, KeyBits)
	if err != nil {
		return Key{}, fmt.Errorf("token: generating key: %w", err)
	}
	kid, err := KeyID(&priv.PublicKey)
	if err != nil {
		return Key{}, err
	}
	return Key{ID: kid, Use: use, Private: priv, CreatedAt: now.UTC()}, nil
}

// KeyID derives a kid from a public key: standard base64 (with padding) of
// its RFC 7638 SHA-256 thumbprint. That gives the same 44-character look as
// Cognito's kids, and the same key always gets the same kid.
func KeyID(pub *rsa.PublicKey) (string, error) {
	jwk := jose.JSONWebKey{Key: pub}
	sum, err := jwk.Thumbprint(crypto.SHA256)
	if err != nil {
		return "", fmt.Errorf("token: key thumbprint: %w", err)
	}
	return base64.StdEncoding.EncodeToString(sum), nil
}

func validUse(use string) bool { return use == UseID || use == UseAccess || use == UseIdentity }

// check reports why a key cannot be put in a KeySet.
func (k Key) check() error {
	switch {
	case k.ID == "":
		return errors.New("token: key without an ID")
	case !validUse(k.Use):
		return fmt.Errorf("token: key %s: unknown use %q", k.ID, k.Use)
	case k.Private == nil:
		return fmt.Errorf("token: key %s: no private key", k.ID)
	case k.Private.N.BitLen() < KeyBits:
		return fmt.Errorf("token: key %s: RSA key of %d bits, want at least %d", k.ID, k.Private.N.BitLen(), KeyBits)
	}
	return nil
}

// storedKey is the serialised form of a Key. The private key travels as
// PKCS#8 DER; the caller is expected to seal the whole blob (AEAD) before
// it reaches the store.
type storedKey struct {
	Version   int        `json:"v"`
	ID        string     `json:"kid"`
	Use       string     `json:"use"`
	CreatedAt time.Time  `json:"created_at"`
	RetiredAt *time.Time `json:"retired_at,omitempty"`
	PKCS8     []byte     `json:"pkcs8"`
}

const storedKeyVersion = 1

// MarshalKey serialises k, private key included, for sealing and storage.
func MarshalKey(k Key) ([]byte, error) {
	if err := k.check(); err != nil {
		return nil, err
	}
	der, err := x509.MarshalPKCS8PrivateKey(k.Private)
	if err != nil {
		return nil, fmt.Errorf("token: key %s: %w", k.ID, err)
	}
	return json.Marshal(storedKey{
		Version:   storedKeyVersion,
		ID:        k.ID,
		Use:       k.Use,
		CreatedAt: k.CreatedAt.UTC(),
		RetiredAt: utcPtr(k.RetiredAt),
		PKCS8:     der,
	})
}

// UnmarshalKey reverses MarshalKey.
func UnmarshalKey(b []byte) (Key, error) {
	var s storedKey
	if err := json.Unmarshal(b, &s); err != nil {
		return Key{}, fmt.Errorf("token: stored key: %w", err)
	}
	if s.Version != storedKeyVersion {
		return Key{}, fmt.Errorf("token: stored key: unknown version %d", s.Version)
	}
	parsed, err := x509.ParsePKCS8PrivateKey(s.PKCS8)
	if err != nil {
		return Key{}, fmt.Errorf("token: stored key %s: %w", s.ID, err)
	}
	priv, ok := parsed.(*rsa.PrivateKey)
	if !ok {
		return Key{}, fmt.Errorf("token: stored key %s: not an RSA key", s.ID)
	}
	k := Key{ID: s.ID, Use: s.Use, Private: priv, CreatedAt: s.CreatedAt, RetiredAt: s.RetiredAt}
	if err := k.check(); err != nil {
		return Key{}, err
	}
	return k, nil
}

func utcPtr(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}
