package authflow

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"time"

	"github.com/incognito-idp/incognito/internal/userpool"
)

// state is what one step of a sign-in hands to the next. It never rests on
// the server: it travels sealed (AEAD) inside Session and SECRET_BLOCK, so
// PASSWORD_VERIFIER works with or without a Session and on any replica.
type state struct {
	ID        string `json:"i"` // binds a Session to its SECRET_BLOCK
	PoolID    string `json:"p"`
	ClientID  string `json:"c"`
	UserKey   string `json:"u"`
	Username  string `json:"n"`
	Challenge string `json:"ch"`
	Expires   int64  `json:"e"`
	// SRPKey is the SRP session key K the PASSWORD_VERIFIER signature
	// must be made with (computed when SRP_A arrived).
	SRPKey []byte `json:"k,omitempty"`
	// Fake marks the decoy challenge for an unknown user when the client
	// prevents user-existence errors: it always fails as a wrong password.
	Fake bool `json:"f,omitempty"`
	// AuthTime is when the first factor succeeded (for later challenges).
	AuthTime int64 `json:"t,omitempty"`
}

// The associated data separates the two containers so one cannot be
// replayed as the other.
var (
	adSession     = []byte("incognito/auth-session/v1")
	adSecretBlock = []byte("incognito/secret-block/v1")
)

func (s *Service) seal(st state, ad []byte) string {
	raw, _ := json.Marshal(st)
	sealed := s.sealer.Seal(raw, ad)
	if string(ad) == string(adSecretBlock) {
		return base64.StdEncoding.EncodeToString(sealed)
	}
	return base64.RawURLEncoding.EncodeToString(sealed)
}

// maxSealedLen bounds what open will try to decode: Session is at most
// 2048 characters in Cognito's model, and our SECRET_BLOCK is far shorter.
const maxSealedLen = 4096

// errSessionExpired is Cognito's answer to a Session it cannot use.
var errSessionExpired = userpool.Errorf(userpool.NotAuthorized, "Invalid session for the user, session is expired.")

// errUnsealable marks a container that is not one of ours at all (as
// opposed to one that has expired); open turns it into errSessionExpired
// unless the caller asks with openRaw.
var errUnsealable = errors.New("authflow: cannot open sealed state")

func (s *Service) open(sealed string, ad []byte) (state, error) {
	st, err := s.openRaw(sealed, ad)
	if errors.Is(err, errUnsealable) {
		return state{}, errSessionExpired
	}
	return st, err
}

// openRaw opens a container; errUnsealable for anything that does not
// authenticate, errSessionExpired for one past its time.
func (s *Service) openRaw(sealed string, ad []byte) (state, error) {
	var raw []byte
	var err error
	if string(ad) == string(adSecretBlock) {
		raw, err = base64.StdEncoding.DecodeString(sealed)
	} else {
		raw, err = base64.RawURLEncoding.DecodeString(sealed)
	}
	if err != nil || len(sealed) > maxSealedLen {
		return state{}, errUnsealable
	}
	plain, err := s.sealer.Open(raw, ad)
	if err != nil {
		return state{}, errUnsealable
	}
	var st state
	if err := json.Unmarshal(plain, &st); err != nil {
		return state{}, errUnsealable
	}
	if s.now().After(time.Unix(st.Expires, 0)) {
		return state{}, errSessionExpired
	}
	return st, nil
}
