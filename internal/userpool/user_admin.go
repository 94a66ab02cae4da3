package userpool

import (
	"context"
	"errors"
	"strconv"

	"github.com/incognito-idp/incognito/internal/store"
)

// AdminGetUser returns the user an administrator names by username, alias
// or sub.
func (s *Service) AdminGetUser(ctx context.Context, ref UserRef) (*User, error) {
	var v Validation
	checkUserRef(&v, ref)
	if err := v.Err(); err != nil {
		return nil, err
	}
	_, u, err := s.poolAndUser(ctx, ref)
	return u, err
}

// AdminDeleteUser deletes a user with its group memberships.
func (s *Service) AdminDeleteUser(ctx context.Context, ref UserRef) error {
	var v Validation
	checkUserRef(&v, ref)
	if err := v.Err(); err != nil {
		return err
	}
	_, u, err := s.poolAndUser(ctx, ref)
	if err != nil {
		return err
	}
	err = s.store.DeleteUser(ctx, u.PoolID, u.Key)
	if errors.Is(err, store.ErrNotFound) {
		return errUserNotFound()
	}
	return err
}

// AdminDisableUser stops a user from signing in; the user keeps its status.
func (s *Service) AdminDisableUser(ctx context.Context, ref UserRef) error {
	return s.setEnabled(ctx, ref, false)
}

// AdminEnableUser lets a disabled user sign in again.
func (s *Service) AdminEnableUser(ctx context.Context, ref UserRef) error {
	return s.setEnabled(ctx, ref, true)
}

func (s *Service) setEnabled(ctx context.Context, ref UserRef, enabled bool) error {
	return s.changeUser(ctx, ref, func(_ *Pool, u *User) error {
		u.Enabled = enabled
		return nil
	})
}

// AdminConfirmSignUp confirms an UNCONFIRMED user; any other status is
// NotAuthorizedException "User cannot be confirmed. Current status is X".
func (s *Service) AdminConfirmSignUp(ctx context.Context, ref UserRef) error {
	return s.changeUser(ctx, ref, func(_ *Pool, u *User) error {
		if u.Status != StatusUnconfirmed {
			return Errorf(NotAuthorized, "User cannot be confirmed. Current status is %s", u.Status)
		}
		u.Status = StatusConfirmed
		return nil
	})
}

// AdminUpdateUserAttributes sets (or, with an empty value, deletes) a
// user's attributes. A new email or phone number is unverified unless the
// same request sets email_verified / phone_number_verified; in pools that
// require verification before update, a verified address stays in place
// and the new one waits, unverified, in the user's private state until it
// is verified (the verification flow belongs to the sign-in feature).
func (s *Service) AdminUpdateUserAttributes(ctx context.Context, ref UserRef, attrs []AttributeInput) error {
	var v Validation
	if attrs == nil {
		v.Add("Value null at 'userAttributes' failed to satisfy constraint: Member must not be null")
	}
	checkAttributeList(&v, "userAttributes", attrs)
	return s.changeUserChecked(ctx, ref, &v, func(pool *Pool, u *User) error {
		next, err := applyAttributes(pool, u.Attributes, attrs, false)
		if err != nil {
			return err
		}
		for _, attr := range []string{AttrEmail, AttrPhoneNumber} {
			settleVerification(pool, u, next, attrs, attr)
		}
		u.Attributes = next
		return nil
	})
}

// settleVerification applies Cognito's rules to a changed email or phone
// number: see AdminUpdateUserAttributes.
func settleVerification(pool *Pool, u *User, next map[string]string, req []AttributeInput, attr string) {
	flag := attr + "_verified"
	old, now := u.Attributes[attr], next[attr]
	if now == "" || now == old {
		return
	}
	for _, a := range req {
		if str(a.Name) == flag && str(a.Value) != "" {
			return // the administrator says whether it is verified
		}
	}
	s := pool.UserAttributeUpdateSettings
	if s != nil && contains(s.AttributesRequireVerificationBeforeUpdate, attr) && old != "" && u.Attributes[flag] == "true" {
		next[attr], next[flag] = old, "true"
		if u.Private.Extra == nil {
			u.Private.Extra = map[string]string{}
		}
		u.Private.Extra["pending_"+attr] = now
		return
	}
	next[flag] = "false"
}

// AdminDeleteUserAttributes removes attributes from a user.
func (s *Service) AdminDeleteUserAttributes(ctx context.Context, ref UserRef, names []string) error {
	var v Validation
	if names == nil {
		v.Add("Value null at 'userAttributeNames' failed to satisfy constraint: Member must not be null")
	}
	for i, n := range names {
		checkStringValue(&v, "userAttributeNames."+strconv.Itoa(i+1)+".member", n, ruleAttrName)
	}
	return s.changeUserChecked(ctx, ref, &v, func(pool *Pool, u *User) error {
		next, err := deleteAttributes(pool, u.Attributes, names)
		if err != nil {
			return err
		}
		u.Attributes = next
		return nil
	})
}

// changeUser validates ref, resolves the user and applies change inside
// the store's update transaction.
func (s *Service) changeUser(ctx context.Context, ref UserRef, change func(*Pool, *User) error) error {
	return s.changeUserChecked(ctx, ref, &Validation{}, change)
}

// changeUserChecked is changeUser after the operation's own member checks
// (recorded in v), which AWS reports together with ref's.
func (s *Service) changeUserChecked(ctx context.Context, ref UserRef, v *Validation, change func(*Pool, *User) error) error {
	var all Validation
	checkUserRef(&all, ref)
	all.problems = append(all.problems, v.problems...)
	if err := all.Err(); err != nil {
		return err
	}
	pool, u, err := s.poolAndUser(ctx, ref)
	if err != nil {
		return err
	}
	_, err = s.updateUser(ctx, pool, u, func(u *User) error { return change(pool, u) })
	return err
}
