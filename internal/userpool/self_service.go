package userpool

import (
	"context"
	"errors"
	"strconv"

	"github.com/incognito-idp/incognito/internal/store"
)

// The operations of a signed-in user on itself. The access token is
// checked by the caller (authflow.VerifyAccessToken), which hands over the
// pool, the user and the app client the token was issued to.

// pendingKey is where a new address waiting for verification is kept
// (AttributesRequireVerificationBeforeUpdate); AdminUpdateUserAttributes
// keeps it there too.
func pendingKey(attr string) string { return "pending_" + attr }

// verifiable reports whether attr is one Cognito verifies with a code.
func verifiable(attr string) bool { return attr == AttrEmail || attr == AttrPhoneNumber }

func errNotVerifiable() error {
	return Invalid("Invalid attribute name. Only phone_number and email can be verified.")
}

// sentCode is a code to deliver once the user's write is done.
type sentCode struct {
	m    codeMessage
	code string
}

// UpdateUserAttributes changes the signed-in user's attributes, within
// what the app client may write. A new email or phone number is unverified
// (or, when the pool requires verification before update, waits while the
// verified one stays) and gets a verification code when the pool verifies
// it itself.
func (s *Service) UpdateUserAttributes(ctx context.Context, pool *Pool, user *User, clientID string, attrs []AttributeInput) ([]CodeDelivery, error) {
	c := &checker{}
	if attrs == nil {
		c.null("userAttributes")
	}
	checkAttributeList(&c.v, "userAttributes", attrs)
	if err := c.err(); err != nil {
		return nil, err
	}
	client, err := s.GetClient(ctx, clientID)
	if err != nil {
		return nil, err
	}
	if err := checkWritable(client, attributeNames(attrs)); err != nil {
		return nil, err
	}
	var codes []sentCode
	user, err = s.updateUser(ctx, pool, user, func(u *User) error {
		codes = nil
		next, err := applyAttributes(pool, u.Attributes, attrs, false)
		if err != nil {
			return err
		}
		for _, attr := range []string{AttrEmail, AttrPhoneNumber} {
			given, ok := requested(attrs, attr)
			if !ok {
				continue
			}
			delete(u.Private.Extra, pendingKey(attr))
			settleVerification(pool, u, next, attrs, attr)
			target := u.Private.Extra[pendingKey(attr)]
			if target == "" && given != "" && given != u.Attributes[attr] && next[attr+"_verified"] != "true" {
				target = given
			}
			if target == "" || !contains(pool.AutoVerifiedAttributes, attr) {
				continue
			}
			m := attributeCode(attr, target)
			code, err := s.issueCode(u, m)
			if err != nil {
				return err
			}
			codes = append(codes, sentCode{m, code})
		}
		u.Attributes = next
		return nil
	})
	if err != nil {
		return nil, err
	}
	var out []CodeDelivery
	for _, sc := range codes {
		d, err := s.deliverCode(ctx, pool, user, clientID, sc.m, sc.code)
		if err != nil {
			return nil, err
		}
		out = append(out, *d)
	}
	return out, nil
}

// requested returns the value a request gives attr, if it names it.
func requested(attrs []AttributeInput, attr string) (string, bool) {
	value, found := "", false
	for _, a := range attrs {
		if str(a.Name) == attr {
			value, found = str(a.Value), true
		}
	}
	return value, found
}

// DeleteUserAttributes removes attributes of the signed-in user, within
// what the app client may write.
func (s *Service) DeleteUserAttributes(ctx context.Context, pool *Pool, user *User, clientID string, names []string) error {
	var v Validation
	if names == nil {
		v.Add("Value null at 'userAttributeNames' failed to satisfy constraint: Member must not be null")
	}
	for i, n := range names {
		checkStringValue(&v, "userAttributeNames."+strconv.Itoa(i+1)+".member", n, ruleAttrName)
	}
	if err := v.Err(); err != nil {
		return err
	}
	client, err := s.GetClient(ctx, clientID)
	if err != nil {
		return err
	}
	if err := checkWritable(client, names); err != nil {
		return err
	}
	_, err = s.updateUser(ctx, pool, user, func(u *User) error {
		next, err := deleteAttributes(pool, u.Attributes, names)
		if err != nil {
			return err
		}
		for _, attr := range []string{AttrEmail, AttrPhoneNumber} {
			if next[attr] == "" {
				delete(u.Private.Extra, pendingKey(attr))
				delete(u.Private.Codes, purposeVerify+attr)
			}
		}
		u.Attributes = next
		return nil
	})
	return err
}

// DeleteUser deletes the signed-in user, with its group memberships and
// sessions (the store removes them together).
func (s *Service) DeleteUser(ctx context.Context, user *User) error {
	err := s.store.DeleteUser(ctx, user.PoolID, user.Key)
	if errors.Is(err, store.ErrNotFound) {
		return errUserNotFound()
	}
	return err
}

// checkAttributeName checks an AttributeNameType member.
func checkAttributeName(c *checker, name *string) {
	checkString(&c.v, "attributeName", name, true, ruleAttrName)
}

// GetUserAttributeVerificationCode sends the signed-in user a code for its
// email or phone number (the new one waiting for verification, if any); at
// most five an hour.
func (s *Service) GetUserAttributeVerificationCode(ctx context.Context, pool *Pool, user *User, clientID string, attrName *string) (*CodeDelivery, error) {
	c := &checker{}
	checkAttributeName(c, attrName)
	if err := c.err(); err != nil {
		return nil, err
	}
	attr := *attrName
	if !verifiable(attr) {
		return nil, errNotVerifiable()
	}
	var code, target string
	user, err := s.updateUser(ctx, pool, user, func(u *User) error {
		target = u.Private.Extra[pendingKey(attr)]
		if target == "" {
			target = u.Attributes[attr]
		}
		if target == "" {
			return Invalid("The user has no %s to verify.", attr)
		}
		if err := s.takeAttempt(u, limitAttributeCode); err != nil {
			return err
		}
		var e error
		code, e = s.issueCode(u, attributeCode(attr, target))
		return e
	})
	if err != nil {
		return nil, err
	}
	return s.deliverCode(ctx, pool, user, clientID, attributeCode(attr, target), code)
}

// VerifyUserAttribute verifies the signed-in user's email or phone number
// with the code sent for it: the address becomes verified (a new address
// waiting for verification replaces the old one), which claims it as an
// alias where the pool has one.
func (s *Service) VerifyUserAttribute(ctx context.Context, pool *Pool, user *User, attrName, code *string) error {
	c := &checker{}
	checkAttributeName(c, attrName)
	checkCodeMember(c, "code", code)
	if err := c.err(); err != nil {
		return err
	}
	attr := *attrName
	if !verifiable(attr) {
		return errNotVerifiable()
	}
	user, err := s.countAttempt(ctx, pool, user, limitVerifyAttribute)
	if err != nil {
		return err
	}
	_, err = s.codeCheck(ctx, pool, user, func(u *User) error {
		st, err := s.useCode(u, purposeVerify+attr, *code)
		if err != nil {
			return err
		}
		switch {
		case u.Private.Extra[pendingKey(attr)] == st.Value:
			u.Attributes[attr] = st.Value
			delete(u.Private.Extra, pendingKey(attr))
		case u.Attributes[attr] != st.Value:
			return errCodeExpired() // the address changed since the code was sent
		}
		u.Attributes[attr+"_verified"] = "true"
		return nil
	})
	return err
}
