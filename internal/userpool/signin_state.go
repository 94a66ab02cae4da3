package userpool

import (
	"context"
	"strings"
	"time"
)

// Lockout follows Cognito: after lockoutFreeAttempts failed sign-ins the
// user is locked out for 1 s, doubling with each further failure up to
// lockoutMax; attempts during a lockout fail with "Password attempts
// exceeded" and do not extend it. A success after the lockout, or
// lockoutReset without failures after the lockout ended, clears the count.
const (
	lockoutFreeAttempts = 5
	lockoutMax          = 15 * time.Minute
	lockoutReset        = 15 * time.Minute
)

// SignInState is the lockout state kept with a user.
type SignInState struct {
	Failures    int       `json:"failures,omitempty"`
	LastFailure time.Time `json:"last_failure,omitempty"`
	LockedUntil time.Time `json:"locked_until,omitempty"`
}

// errAttemptsExceeded is Cognito's lockout answer.
func errAttemptsExceeded() error {
	return Errorf(NotAuthorized, "Password attempts exceeded")
}

// CheckLockout returns the lockout error if the user may not try a
// password now.
func (s *Service) CheckLockout(user *User) error {
	if s.now().Before(user.Private.SignIn.LockedUntil) {
		return errAttemptsExceeded()
	}
	return nil
}

// RecordSignInFailure counts a failed password or code check and starts or
// extends the lockout. It returns the error to answer: "Incorrect username
// or password." or, once locked, "Password attempts exceeded".
func (s *Service) RecordSignInFailure(ctx context.Context, user *User, wrong error) error {
	pool, err := s.loadPool(ctx, user.PoolID)
	if err != nil {
		return err
	}
	locked := false
	_, err = s.updateUserState(ctx, pool, user, false, func(u *User) error {
		st := &u.Private.SignIn
		now := s.now()
		if now.Before(st.LockedUntil) {
			locked = true
			return nil
		}
		// The quiet period that clears the count starts when the last
		// failure's lockout ends: attempts refused during a lockout are
		// not recorded (that would cost a write each), so a lockout at the
		// cap must not count as quiet time, or the count would restart
		// right after every capped lockout.
		quietSince := st.LastFailure
		if st.LockedUntil.After(quietSince) {
			quietSince = st.LockedUntil
		}
		if !quietSince.IsZero() && now.Sub(quietSince) >= lockoutReset {
			st.Failures = 0
		}
		st.Failures++
		st.LastFailure = now
		if st.Failures >= lockoutFreeAttempts {
			d := time.Second << min(st.Failures-lockoutFreeAttempts, 20)
			st.LockedUntil = now.Add(min(d, lockoutMax))
		}
		return nil
	})
	if err != nil {
		return err
	}
	if locked {
		return errAttemptsExceeded()
	}
	return wrong
}

// RecordSignInSuccess clears the failure count after a successful check.
func (s *Service) RecordSignInSuccess(ctx context.Context, user *User) error {
	if user.Private.SignIn == (SignInState{}) {
		return nil
	}
	pool, err := s.loadPool(ctx, user.PoolID)
	if err != nil {
		return err
	}
	_, err = s.updateUserState(ctx, pool, user, false, func(u *User) error {
		u.Private.SignIn = SignInState{}
		return nil
	})
	return err
}

// UserByKey loads a user by its store key (sessions remember users by key).
func (s *Service) UserByKey(ctx context.Context, pool *Pool, key string) (*User, error) {
	return s.userByKey(ctx, pool, key)
}

// CompleteNewPassword answers NEW_PASSWORD_REQUIRED: it checks the new
// password against the policy, applies the attributes sent with it, and
// confirms the user.
func (s *Service) CompleteNewPassword(ctx context.Context, pool *Pool, user *User, password string, attrs []AttributeInput) (*User, error) {
	if err := ValidatePassword(pool.Policies.PasswordPolicy, password); err != nil {
		return nil, err
	}
	return s.updateUser(ctx, pool, user, func(u *User) error {
		if u.Status != StatusForceChangePassword {
			return Errorf(NotAuthorized, "Invalid session for the user, session is expired.")
		}
		if len(attrs) > 0 {
			next, err := applyAttributes(pool, u.Attributes, attrs, false)
			if err != nil {
				return err
			}
			u.Attributes = next
		}
		if err := s.setPassword(pool, u, password, false); err != nil {
			return err
		}
		u.Status = StatusConfirmed
		return nil
	})
}

// VisibleAttributes are the attributes a user sees of themselves (GetUser):
// all but developer-only ones.
func VisibleAttributes(pool *Pool, user *User) map[string]string {
	out := make(map[string]string, len(user.Attributes))
	for name, value := range user.Attributes {
		if a, ok := pool.Attribute(name); ok && a.DeveloperOnlyAttribute {
			continue
		}
		if strings.HasPrefix(name, "dev:") {
			continue
		}
		out[name] = value
	}
	return out
}
