package userpool

import (
	"context"
	"sort"
)

// Account recovery mechanisms (RecoveryOptionNameType).
const (
	recoveryVerifiedEmail = "verified_email"
	recoveryVerifiedPhone = "verified_phone_number"
)

func errNoRecoveryContact() error {
	return Invalid("Cannot reset password for the user as there is no registered/verified email or phone_number")
}

func errUserDisabled() error { return Errorf(NotAuthorized, "User is disabled.") }

// recoveryOrder lists the pool's recovery mechanisms by priority. Pools
// without an AccountRecoverySetting use Cognito's older rule: a verified
// phone number first, then a verified email address.
func recoveryOrder(pool *Pool) []string {
	if pool.AccountRecoverySetting == nil || len(pool.AccountRecoverySetting.RecoveryMechanisms) == 0 {
		return []string{recoveryVerifiedPhone, recoveryVerifiedEmail}
	}
	opts := append([]RecoveryOption(nil), pool.AccountRecoverySetting.RecoveryMechanisms...)
	sort.SliceStable(opts, func(i, j int) bool { return opts[i].Priority < opts[j].Priority })
	names := make([]string, 0, len(opts))
	for _, o := range opts {
		names = append(names, o.Name)
	}
	return names
}

// recoveryDestination is where a password-reset code goes: the first of
// the pool's recovery mechanisms the user has a verified address for.
// (admin_only offers the user none.)
func recoveryDestination(pool *Pool, u *User) (attr, value string, err error) {
	for _, m := range recoveryOrder(pool) {
		switch m {
		case recoveryVerifiedEmail:
			attr = AttrEmail
		case recoveryVerifiedPhone:
			attr = AttrPhoneNumber
		default:
			continue
		}
		if v := u.Attributes[attr]; v != "" && u.Attributes[attr+"_verified"] == "true" {
			return attr, v, nil
		}
	}
	return "", "", errNoRecoveryContact()
}

// phoneRecoveryFirst reports whether the pool sends reset codes by SMS
// before email.
func phoneRecoveryFirst(pool *Pool) bool {
	for _, m := range recoveryOrder(pool) {
		if m == recoveryVerifiedPhone {
			return true
		}
		if m == recoveryVerifiedEmail {
			return false
		}
	}
	return false
}

// ForgotPasswordInput is ForgotPassword's request.
type ForgotPasswordInput struct {
	ClientID       *string
	SecretHash     *string
	Username       *string
	ClientMetadata map[string]string
}

// ForgotPassword sends a password-reset code (valid one hour) to the
// user's verified email or phone number, per the pool's recovery setting;
// at most ten requests an hour.
func (s *Service) ForgotPassword(ctx context.Context, in ForgotPasswordInput) (*CodeDelivery, error) {
	c := &checker{}
	checkPublicUser(c, in.ClientID, in.SecretHash, in.Username)
	if err := c.err(); err != nil {
		return nil, err
	}
	pool, client, user, err := s.publicClientUser(ctx, *in.ClientID, in.SecretHash, *in.Username)
	if err != nil {
		return nil, err
	}
	if user == nil {
		return simulatedDelivery(*in.Username, phoneRecoveryFirst(pool)), nil
	}
	if !user.Enabled {
		return nil, errUserDisabled()
	}
	if user.Status == StatusForceChangePassword {
		return nil, Errorf(NotAuthorized, "User password cannot be reset in the current state.")
	}
	attr, value, err := recoveryDestination(pool, user)
	if err != nil {
		return nil, err
	}
	return s.sendCode(ctx, pool, user, client.ClientID, forgotCode(attr, value), func(u *User) error {
		return s.takeAttempt(u, limitForgot)
	})
}

// ConfirmForgotPasswordInput is ConfirmForgotPassword's request.
type ConfirmForgotPasswordInput struct {
	ClientID         *string
	SecretHash       *string
	Username         *string
	ConfirmationCode *string
	Password         *string
	ClientMetadata   map[string]string
}

// ConfirmForgotPassword sets a new password with a reset code (from
// ForgotPassword or AdminResetUserPassword). The user is CONFIRMED after.
func (s *Service) ConfirmForgotPassword(ctx context.Context, in ConfirmForgotPasswordInput) error {
	c := &checker{}
	checkPublicUser(c, in.ClientID, in.SecretHash, in.Username)
	checkCodeMember(c, "confirmationCode", in.ConfirmationCode)
	checkPasswordMember(&c.v, "password", in.Password, true)
	if err := c.err(); err != nil {
		return err
	}
	pool, _, user, err := s.publicClientUser(ctx, *in.ClientID, in.SecretHash, *in.Username)
	if err != nil {
		return err
	}
	if user == nil {
		return errCodeMismatch()
	}
	if !user.Enabled {
		return errUserDisabled()
	}
	if err := ValidatePassword(pool.Policies.PasswordPolicy, *in.Password); err != nil {
		return err
	}
	if user, err = s.countAttempt(ctx, pool, user, limitForgot); err != nil {
		return err
	}
	_, err = s.codeCheck(ctx, pool, user, func(u *User) error {
		if _, err := s.useCode(u, purposeForgot, *in.ConfirmationCode); err != nil {
			return err
		}
		if err := s.setPassword(pool, u, *in.Password, false); err != nil {
			return err
		}
		u.Status = StatusConfirmed
		u.Private.SignIn = SignInState{}
		return nil
	})
	return err
}

// ChangePassword changes the signed-in user's password (access token
// already checked): the previous password must be right (wrong ones count
// toward the lockout as at sign-in), the new one must meet the policy; at
// most five changes an hour.
func (s *Service) ChangePassword(ctx context.Context, pool *Pool, user *User, previous, proposed *string) error {
	c := &checker{}
	checkPasswordMember(&c.v, "previousPassword", previous, true)
	checkPasswordMember(&c.v, "proposedPassword", proposed, true)
	if err := c.err(); err != nil {
		return err
	}
	if err := s.CheckLockout(user); err != nil {
		return err
	}
	user, err := s.countAttempt(ctx, pool, user, limitChangePassword)
	if err != nil {
		return err
	}
	if !s.CheckPassword(user, *previous) {
		return s.RecordSignInFailure(ctx, user, Errorf(NotAuthorized, "Incorrect username or password."))
	}
	if err := ValidatePassword(pool.Policies.PasswordPolicy, *proposed); err != nil {
		return err
	}
	_, err = s.updateUser(ctx, pool, user, func(u *User) error {
		if err := s.setPassword(pool, u, *proposed, false); err != nil {
			return err
		}
		u.Private.SignIn = SignInState{}
		return nil
	})
	return err
}

// AdminResetUserPassword puts a user in RESET_REQUIRED (sign-in then
// answers PasswordResetRequiredException) and sends a reset code to its
// verified email or phone number, for ConfirmForgotPassword.
func (s *Service) AdminResetUserPassword(ctx context.Context, ref UserRef, clientMetadata map[string]string) error {
	var v Validation
	checkUserRef(&v, ref)
	if err := v.Err(); err != nil {
		return err
	}
	pool, user, err := s.poolAndUser(ctx, ref)
	if err != nil {
		return err
	}
	if !user.Enabled {
		return errUserDisabled()
	}
	attr, value, err := recoveryDestination(pool, user)
	if err != nil {
		return err
	}
	_, err = s.sendCode(ctx, pool, user, "", forgotCode(attr, value), func(u *User) error {
		u.Status = StatusResetRequired
		return nil
	})
	return err
}
