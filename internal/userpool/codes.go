package userpool

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/incognito-idp/incognito/internal/message"
)

// One-time codes (sign-up confirmation, password reset, attribute
// verification) are six digits drawn from the service's randomness. Only
// an HMAC of a code is kept, keyed by a random salt of its own and bound
// to the pool, the user and the purpose, inside the user's sealed private
// state (UserPrivate.Codes). A code is good once: using it marks it used.
//
// The same map keeps the recent requests of the actions Cognito limits per
// user and hour (entries named "limit:<action>", without a code).

// Purposes of codes, the keys of their entries in UserPrivate.Codes.
const (
	purposeSignUp = "signup"
	purposeForgot = "forgot"
	// purposeVerify is followed by the attribute name: "verify:email".
	purposeVerify = "verify:"
)

// Lifetimes of codes, as Cognito documents them.
const (
	signUpCodeLifetime    = 24 * time.Hour
	attributeCodeLifetime = 24 * time.Hour
	forgotCodeLifetime    = time.Hour
)

// A codeMessage is a code on its way to a user: its purpose (the pending
// code it replaces), the kind of message that carries it, how long it
// lives, and the attribute and address it goes to.
type codeMessage struct {
	purpose, kind string
	lifetime      time.Duration
	attr, value   string
}

// signUpCode confirms a new user (SignUp, ResendConfirmationCode).
func signUpCode(attr, value string) codeMessage {
	return codeMessage{purposeSignUp, message.KindVerification, signUpCodeLifetime, attr, value}
}

// forgotCode resets a password (ForgotPassword, AdminResetUserPassword).
func forgotCode(attr, value string) codeMessage {
	return codeMessage{purposeForgot, message.KindForgotPassword, forgotCodeLifetime, attr, value}
}

// attributeCode verifies the signed-in user's email or phone number.
func attributeCode(attr, value string) codeMessage {
	return codeMessage{purposeVerify + attr, message.KindAttributeVerification, attributeCodeLifetime, attr, value}
}

// Actions Cognito limits per user and hour, and their limits.
const (
	limitResend          = "resend-confirmation"
	limitConfirmSignUp   = "confirm-sign-up"
	limitForgot          = "forgot-password"
	limitChangePassword  = "change-password"
	limitAttributeCode   = "attribute-code"
	limitVerifyAttribute = "verify-attribute"
	limitPrefix          = "limit:"
	limitWindow          = time.Hour
)

var hourlyLimits = map[string]int{
	limitResend:          5,
	limitConfirmSignUp:   15,
	limitForgot:          10,
	limitChangePassword:  5,
	limitAttributeCode:   5,
	limitVerifyAttribute: 15,
}

// codeDigits is the length of a code.
const codeDigits = 6

// CodeState is one entry of UserPrivate.Codes: a pending (or used) code,
// or only the recent requests of a limited action.
type CodeState struct {
	Salt    []byte    `json:"salt,omitempty"`
	Hash    []byte    `json:"hash,omitempty"`
	Expires time.Time `json:"expires,omitempty"`
	Used    bool      `json:"used,omitempty"`
	// Attribute and Value are where the code was sent (email or
	// phone_number and its value at the time).
	Attribute string `json:"attr,omitempty"`
	Value     string `json:"value,omitempty"`
	// Requests are the times of the recent requests of a limited action.
	Requests []time.Time `json:"requests,omitempty"`
}

// Errors of code checks, worded as Cognito words them.
func errCodeMismatch() error {
	return Errorf(CodeMismatch, "Invalid verification code provided, please try again.")
}

func errCodeExpired() error {
	return Errorf(ExpiredCode, "Invalid code provided, please request a code again.")
}

func errAttemptLimit() error {
	return Errorf(LimitExceeded, "Attempt limit exceeded, please try after some time.")
}

// newCode draws a code of codeDigits digits, uniformly, from rand.
func newCode(rand io.Reader) (string, error) {
	const space = 1_000_000
	const limit = (1 << 32) / space * space
	var b [4]byte
	for {
		if _, err := io.ReadFull(rand, b[:]); err != nil {
			return "", fmt.Errorf("userpool: reading randomness: %w", err)
		}
		if n := binary.BigEndian.Uint32(b[:]); n < limit {
			return fmt.Sprintf("%0*d", codeDigits, n%space), nil
		}
	}
}

// codeMAC binds a code to its salt, pool, user and purpose.
func codeMAC(salt []byte, poolID, userKey, purpose, code string) []byte {
	m := hmac.New(sha256.New, salt)
	for _, part := range []string{poolID, userKey, purpose, code} {
		m.Write([]byte(part))
		m.Write([]byte{0})
	}
	return m.Sum(nil)
}

// issueCode makes a new code for m's purpose, replacing any earlier one,
// and records it in u (the caller writes u).
func (s *Service) issueCode(u *User, m codeMessage) (string, error) {
	code, err := newCode(s.rand)
	if err != nil {
		return "", err
	}
	salt := make([]byte, 16)
	if _, err := io.ReadFull(s.rand, salt); err != nil {
		return "", fmt.Errorf("userpool: reading randomness: %w", err)
	}
	if u.Private.Codes == nil {
		u.Private.Codes = map[string]CodeState{}
	}
	u.Private.Codes[m.purpose] = CodeState{
		Salt: salt, Hash: codeMAC(salt, u.PoolID, u.Key, m.purpose, code),
		Expires: s.now().Add(m.lifetime), Attribute: m.attr, Value: m.value,
	}
	s.pruneCodes(u)
	return code, nil
}

// useCode checks code against the pending code for purpose and, when it
// matches, marks it used and returns its entry. A code that is unknown or
// wrong is a CodeMismatchException; a right one that expired or was used
// already is an ExpiredCodeException.
func (s *Service) useCode(u *User, purpose, code string) (CodeState, error) {
	st, ok := u.Private.Codes[purpose]
	if !ok || len(st.Hash) == 0 {
		return CodeState{}, errCodeMismatch()
	}
	if !hmac.Equal(st.Hash, codeMAC(st.Salt, u.PoolID, u.Key, purpose, code)) {
		return CodeState{}, errCodeMismatch()
	}
	if st.Used || !s.now().Before(st.Expires) {
		return CodeState{}, errCodeExpired()
	}
	st.Used = true
	u.Private.Codes[purpose] = st
	return st, nil
}

// takeAttempt records a request of a limited action in u and refuses it
// with LimitExceededException once the hourly limit is reached.
func (s *Service) takeAttempt(u *User, action string) error {
	now := s.now()
	key := limitPrefix + action
	st := u.Private.Codes[key]
	var recent []time.Time
	for _, t := range st.Requests {
		if now.Sub(t) < limitWindow {
			recent = append(recent, t)
		}
	}
	if len(recent) >= hourlyLimits[action] {
		return errAttemptLimit()
	}
	if u.Private.Codes == nil {
		u.Private.Codes = map[string]CodeState{}
	}
	u.Private.Codes[key] = CodeState{Requests: append(recent, now)}
	s.pruneCodes(u)
	return nil
}

// pruneCodes drops entries that can no longer matter: expired codes and
// limit entries without a request in the last hour.
func (s *Service) pruneCodes(u *User) {
	now := s.now()
	for k, st := range u.Private.Codes {
		if strings.HasPrefix(k, limitPrefix) {
			if len(st.Requests) == 0 || now.Sub(st.Requests[len(st.Requests)-1]) >= limitWindow {
				delete(u.Private.Codes, k)
			}
			continue
		}
		if !st.Expires.IsZero() && now.After(st.Expires.Add(limitWindow)) {
			delete(u.Private.Codes, k)
		}
	}
	if len(u.Private.Codes) == 0 {
		u.Private.Codes = nil
	}
}

// countAttempt records a request of a limited action for user in its own
// write, before the action runs.
func (s *Service) countAttempt(ctx context.Context, pool *Pool, user *User, action string) (*User, error) {
	return s.updateUserState(ctx, pool, user, false, func(u *User) error { return s.takeAttempt(u, action) })
}

// codeCheck runs a change that verifies a code (inside the user's write).
// A lockout refuses it at once; a wrong code counts toward the lockout as
// a wrong password does. Lockout answers of code operations are
// LimitExceededException, as Cognito's are.
func (s *Service) codeCheck(ctx context.Context, pool *Pool, user *User, change func(*User) error) (*User, error) {
	if s.CheckLockout(user) != nil {
		return nil, errAttemptLimit()
	}
	out, err := s.updateUser(ctx, pool, user, change)
	if IsCode(err, CodeMismatch) {
		err = s.RecordSignInFailure(ctx, user, err)
		if IsCode(err, NotAuthorized) {
			return nil, errAttemptLimit()
		}
	}
	return out, err
}
