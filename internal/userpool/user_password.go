package userpool

import (
	"context"
	"time"

	"github.com/incognito-idp/incognito/internal/srp"
)

// setPassword stores the SRP verifier of password in u (never the password
// itself). A temporary password expires after the pool's
// TemporaryPasswordValidityDays.
func (s *Service) setPassword(pool *Pool, u *User, password string, temporary bool) error {
	salt, verifier, err := srp.NewVerifier(s.rand, srp.PoolName(pool.ID), u.Username, password)
	if err != nil {
		return err
	}
	now := s.now()
	u.Private.PasswordSalt, u.Private.PasswordVerifier, u.Private.PasswordSetAt = salt, verifier, now
	u.Private.TemporaryPasswordExpires = time.Time{}
	if temporary {
		u.Private.TemporaryPasswordExpires = now.Add(temporaryPasswordValidity(pool))
	}
	return nil
}

// temporaryPasswordValidity is how long an administrator's temporary
// password lasts: TemporaryPasswordValidityDays, else the older
// AdminCreateUserConfig.UnusedAccountValidityDays, else 7 days.
func temporaryPasswordValidity(pool *Pool) time.Duration {
	days := pool.Policies.PasswordPolicy.TemporaryPasswordValidityDays
	if days <= 0 {
		days = pool.AdminCreateUserConfig.UnusedAccountValidityDays
	}
	if days <= 0 {
		days = tempPasswordDefaultDays
	}
	return time.Duration(days) * 24 * time.Hour
}

// CheckPassword reports whether password is the user's current password,
// comparing verifiers in constant time. It does not look at expiry: see
// TemporaryPasswordExpired.
func (s *Service) CheckPassword(user *User, password string) bool {
	p := user.Private
	if len(p.PasswordVerifier) == 0 {
		return false
	}
	return srp.CheckPassword(srp.PoolName(user.PoolID), user.Username, password, p.PasswordSalt, p.PasswordVerifier)
}

// TemporaryPasswordExpired reports whether the user's password is an
// administrator's temporary one that can no longer be used.
func (s *Service) TemporaryPasswordExpired(user *User) bool {
	exp := user.Private.TemporaryPasswordExpires
	return !exp.IsZero() && !s.now().Before(exp)
}

// SetUserPassword sets a user's password after checking it against the
// pool's policy: permanent makes the user CONFIRMED, otherwise the password
// is temporary and the user FORCE_CHANGE_PASSWORD. It is what
// AdminSetUserPassword does once the user is found, for the sign-in flows
// (NEW_PASSWORD_REQUIRED, ChangePassword, ...) to reuse.
func (s *Service) SetUserPassword(ctx context.Context, pool *Pool, user *User, password string, permanent bool) (*User, error) {
	if err := ValidatePassword(pool.Policies.PasswordPolicy, password); err != nil {
		return nil, err
	}
	return s.updateUser(ctx, pool, user, func(u *User) error {
		if err := s.setPassword(pool, u, password, !permanent); err != nil {
			return err
		}
		if permanent {
			u.Status = StatusConfirmed
		} else {
			u.Status = StatusForceChangePassword
		}
		return nil
	})
}

// AdminSetUserPassword implements the operation of that name.
func (s *Service) AdminSetUserPassword(ctx context.Context, ref UserRef, password *string, permanent bool) error {
	var v Validation
	checkUserRef(&v, ref)
	checkPasswordMember(&v, "password", password, true)
	if err := v.Err(); err != nil {
		return err
	}
	pool, u, err := s.poolAndUser(ctx, ref)
	if err != nil {
		return err
	}
	_, err = s.SetUserPassword(ctx, pool, u, *password, permanent)
	return err
}
