package token

import (
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
)

// RetiredKeyTTL is how long a retired key keeps verifying and stays in the
// JWKS after RetiredAt. Cognito caps ID and access token lifetimes at one
// day, so by then every token the key signed has expired; the extra minutes
// absorb clock skew between replicas. Callers must not mint ID or access
// tokens that live longer than a day.
const RetiredKeyTTL = 24*time.Hour + 5*time.Minute

// Live reports whether k still belongs in a KeySet at now: it is active, or
// it was retired less than RetiredKeyTTL ago.
func (k Key) Live(now time.Time) bool {
	return k.RetiredAt == nil || now.Before(k.RetiredAt.Add(RetiredKeyTTL))
}

// KeySet is the set of keys of one user pool, ready to use: keys parsed,
// signing headers and the JWKS document rendered once, in NewKeySet. It is
// immutable and safe for concurrent use; build a new one when the pool's
// keys change. The zero KeySet has no keys: Sign fails, Verify refuses
// everything and JWKS is {"keys":[]}.
type KeySet struct{ s *keySet }

type keySet struct {
	idSigner       *signingKey
	accessSigner   *signingKey
	identitySigner *signingKey
	byKID          map[string]*verifyingKey
	jwks           []byte
}

type signingKey struct {
	kid  string
	priv *rsa.PrivateKey
	// prefix is base64url(header) + ".", the fixed start of every token
	// this key signs.
	prefix string
}

type verifyingKey struct {
	use       string
	pub       *rsa.PublicKey
	retiredAt *time.Time
}

// NewKeySet builds the KeySet of keys as seen at now. Keys that are no
// longer Live are left out. For each use, the newest active key (CreatedAt
// not after now, RetiredAt nil or after now) signs; a key created after now is published
// in the JWKS and verifies but does not sign yet, so relying parties can
// cache it before it is used. It fails on an invalid key or a repeated kid.
// The KeySet shares the keys' *rsa.PrivateKey values; do not modify them.
func NewKeySet(keys []Key, now time.Time) (KeySet, error) {
	s := &keySet{byKID: make(map[string]*verifyingKey, len(keys))}
	var live []Key
	for _, k := range keys {
		if err := k.check(); err != nil {
			return KeySet{}, err
		}
		if _, dup := s.byKID[k.ID]; dup {
			return KeySet{}, fmt.Errorf("token: two keys with kid %s", k.ID)
		}
		if !k.Live(now) {
			continue
		}
		s.byKID[k.ID] = &verifyingKey{use: k.Use, pub: &k.Private.PublicKey, retiredAt: utcPtr(k.RetiredAt)}
		live = append(live, k)
	}
	slices.SortFunc(live, func(a, b Key) int {
		if c := a.CreatedAt.Compare(b.CreatedAt); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	for _, k := range live {
		// A key signs from its CreatedAt until its RetiredAt: a rotation
		// announces the successor ahead and retires the key it replaces
		// at the moment the successor starts, so a use never lacks one.
		if (k.RetiredAt != nil && !k.RetiredAt.After(now)) || k.CreatedAt.After(now) {
			continue
		}
		// live is sorted oldest first, so the last match wins.
		sk, err := newSigningKey(k)
		if err != nil {
			return KeySet{}, err
		}
		switch k.Use {
		case UseID:
			s.idSigner = sk
		case UseAccess:
			s.accessSigner = sk
		case UseIdentity:
			s.identitySigner = sk
		}
	}
	jwks, err := renderJWKS(live)
	if err != nil {
		return KeySet{}, err
	}
	s.jwks = jwks
	return KeySet{s: s}, nil
}

// header is the JOSE header of every token, in Cognito's field order.
type header struct {
	KeyID     string `json:"kid"`
	Algorithm string `json:"alg"`
}

func newSigningKey(k Key) (*signingKey, error) {
	h, err := json.Marshal(header{KeyID: k.ID, Algorithm: "RS256"})
	if err != nil {
		return nil, fmt.Errorf("token: key %s: %w", k.ID, err)
	}
	return &signingKey{
		kid:    k.ID,
		priv:   k.Private,
		prefix: base64.RawURLEncoding.EncodeToString(h) + ".",
	}, nil
}

func (ks KeySet) signer(use string) *signingKey {
	if ks.s == nil {
		return nil
	}
	switch use {
	case UseID:
		return ks.s.idSigner
	case UseAccess:
		return ks.s.accessSigner
	case UseIdentity:
		return ks.s.identitySigner
	}
	return nil
}

// SigningKeyID returns the kid that Sign uses for use, if there is one.
func (ks KeySet) SigningKeyID(use string) (string, bool) {
	if sk := ks.signer(use); sk != nil {
		return sk.kid, true
	}
	return "", false
}

// The states of a key, as KeySet.State tells them.
const (
	StateSigning = "signing" // signs the new tokens of its use
	StatePending = "pending" // published; signs from its CreatedAt on
	StateStandby = "standby" // active but outranked by a newer key of its use
	StateRetired = "retired" // signs no more; verifies for RetiredKeyTTL after RetiredAt
	StateExpired = "expired" // neither published nor trusted any more
)

// State tells what k is at now for ks, a KeySet built at now from keys
// that include k (an expired k may have been left out of them). Only k's
// ID, Use, CreatedAt and RetiredAt are read.
func (ks KeySet) State(k Key, now time.Time) string {
	switch {
	case !k.Live(now):
		return StateExpired
	case k.RetiredAt != nil && !k.RetiredAt.After(now):
		return StateRetired
	case k.CreatedAt.After(now):
		return StatePending
	}
	if signer, _ := ks.SigningKeyID(k.Use); signer == k.ID {
		return StateSigning
	}
	return StateStandby
}
