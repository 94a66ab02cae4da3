package userpool

import (
	"context"
	"errors"
	"strings"

	"github.com/incognito-idp/incognito/internal/store"
)

// SignUpInput is SignUp's request.
type SignUpInput struct {
	ClientID       *string
	SecretHash     *string
	Username       *string
	Password       *string
	UserAttributes []AttributeInput
	ValidationData []AttributeInput // for the pre sign-up trigger; unused here
	ClientMetadata map[string]string
}

// SignUpResult is what SignUp answers: the new user and where its
// confirmation code went (nil when the pool verifies nothing itself).
type SignUpResult struct {
	User     *User
	Delivery *CodeDelivery
}

// errUnauthorizedAttribute refuses an attribute the app client may not write.
func errUnauthorizedAttribute() error {
	return Errorf(NotAuthorized, "A client attempted to write unauthorized attribute")
}

// clientMayWrite applies the client's WriteAttributes. Without a list the
// client writes every attribute but the verification flags, which only
// codes (or a list naming them) set; developer-only attributes are never
// writable by clients.
func clientMayWrite(c *Client, name string) bool {
	if strings.HasPrefix(name, DeveloperPrefix) {
		return false
	}
	if len(c.WriteAttributes) == 0 {
		return name != AttrEmailVerified && name != AttrPhoneNumberVerified
	}
	return contains(c.WriteAttributes, name)
}

func checkWritable(c *Client, names []string) error {
	for _, n := range names {
		if !clientMayWrite(c, n) {
			return errUnauthorizedAttribute()
		}
	}
	return nil
}

func attributeNames(attrs []AttributeInput) []string {
	names := make([]string, 0, len(attrs))
	for _, a := range attrs {
		names = append(names, str(a.Name))
	}
	return names
}

// SignUp registers a user through an app client: the username and
// attribute rules of AdminCreateUser, the pool's password policy, status
// UNCONFIRMED, and a confirmation code when the pool verifies the user's
// phone number or email itself.
func (s *Service) SignUp(ctx context.Context, in SignUpInput) (*SignUpResult, error) {
	c := &checker{}
	checkPublicUser(c, in.ClientID, in.SecretHash, in.Username)
	checkPasswordMember(&c.v, "password", in.Password, true)
	checkAttributeList(&c.v, "userAttributes", in.UserAttributes)
	checkAttributeList(&c.v, "validationData", in.ValidationData)
	if err := c.err(); err != nil {
		return nil, err
	}
	pool, client, err := s.publicClient(ctx, *in.ClientID, in.SecretHash, *in.Username)
	if err != nil {
		return nil, err
	}
	if pool.AdminCreateUserConfig.AllowAdminCreateUserOnly {
		return nil, Errorf(NotAuthorized, "SignUp is not permitted for this user pool")
	}
	if err := checkWritable(client, attributeNames(in.UserAttributes)); err != nil {
		return nil, err
	}
	username, attrs, err := adminUsername(pool, *in.Username, in.UserAttributes)
	if err != nil {
		return nil, err
	}
	values, err := applyAttributes(pool, nil, attrs, true)
	if err != nil {
		return nil, err
	}
	if err := ValidatePassword(pool.Policies.PasswordPolicy, *in.Password); err != nil {
		return nil, err
	}
	u, err := s.newUser(pool, *in.Username, username, StatusUnconfirmed, values)
	if err != nil {
		return nil, err
	}
	if err := s.setPassword(pool, u, *in.Password, false); err != nil {
		return nil, err
	}
	attr, value := signUpDestination(pool, u.Attributes)
	confirmation, code := signUpCode(attr, value), ""
	if attr != "" {
		if code, err = s.issueCode(u, confirmation); err != nil {
			return nil, err
		}
	}
	if err := s.createUser(ctx, pool, u, false); err != nil {
		var e *Error
		if errors.As(err, &e) && e.Code == UsernameExists && e.Message == "User account already exists" {
			return nil, Errorf(UsernameExists, "User already exists")
		}
		return nil, err
	}
	res := &SignUpResult{User: u}
	if attr != "" {
		res.Delivery, err = s.deliverCode(ctx, pool, u, client.ClientID, confirmation, code)
		if err != nil {
			return nil, err
		}
	}
	return res, nil
}

// signUpDestination is where a confirmation code goes: the phone number
// when the pool verifies phone numbers itself, else the email address when
// it verifies those; "" when neither applies.
func signUpDestination(pool *Pool, attrs map[string]string) (attr, value string) {
	for _, a := range []string{AttrPhoneNumber, AttrEmail} {
		if contains(pool.AutoVerifiedAttributes, a) && attrs[a] != "" {
			return a, attrs[a]
		}
	}
	return "", ""
}

// ConfirmSignUpInput is ConfirmSignUp's request.
type ConfirmSignUpInput struct {
	ClientID           *string
	SecretHash         *string
	Username           *string
	ConfirmationCode   *string
	ForceAliasCreation bool
	ClientMetadata     map[string]string
}

// ConfirmSignUp confirms an UNCONFIRMED user with the code sent at sign-up
// and marks the address the code went to verified (which claims it as an
// alias; with ForceAliasCreation an alias held by another user moves).
func (s *Service) ConfirmSignUp(ctx context.Context, in ConfirmSignUpInput) (*User, error) {
	c := &checker{}
	checkPublicUser(c, in.ClientID, in.SecretHash, in.Username)
	checkCodeMember(c, "confirmationCode", in.ConfirmationCode)
	if err := c.err(); err != nil {
		return nil, err
	}
	pool, _, user, err := s.publicClientUser(ctx, *in.ClientID, in.SecretHash, *in.Username)
	if err != nil {
		return nil, err
	}
	if user == nil {
		return nil, errCodeMismatch()
	}
	if user.Status != StatusUnconfirmed {
		return nil, errCannotConfirm(user.Status)
	}
	if user, err = s.countAttempt(ctx, pool, user, limitConfirmSignUp); err != nil {
		return nil, err
	}
	confirm := func(u *User) error {
		if u.Status != StatusUnconfirmed {
			return errCannotConfirm(u.Status)
		}
		st, err := s.useCode(u, purposeSignUp, *in.ConfirmationCode)
		if err != nil {
			return err
		}
		u.Status = StatusConfirmed
		if st.Attribute != "" && u.Attributes[st.Attribute] == st.Value {
			u.Attributes[st.Attribute+"_verified"] = "true"
		}
		return nil
	}
	return s.verifyWithAlias(ctx, pool, user, purposeSignUp, in.ForceAliasCreation, confirm)
}

func errCannotConfirm(status string) error {
	return Errorf(NotAuthorized, "User cannot be confirmed. Current status is %s", status)
}

// verifyWithAlias runs a code check that verifies an address. When the
// address is an alias another user holds, the answer is
// AliasExistsException, unless force moves the alias: the other user's
// address stays but is no longer verified (as AdminCreateUser's
// ForceAliasCreation does).
func (s *Service) verifyWithAlias(ctx context.Context, pool *Pool, user *User, purpose string, force bool, change func(*User) error) (*User, error) {
	for attempt := 0; ; attempt++ {
		out, err := s.codeCheck(ctx, pool, user, change)
		if !force || attempt > 2 || !IsCode(err, AliasExists) {
			return out, err
		}
		st := user.Private.Codes[purpose]
		if err := s.releaseAlias(ctx, pool, user, st.Attribute, st.Value); err != nil {
			return nil, err
		}
	}
}

// releaseAlias takes a verified email or phone alias away from the user
// that holds it, if that is not u.
func (s *Service) releaseAlias(ctx context.Context, pool *Pool, u *User, attr, value string) error {
	if attr == "" || value == "" {
		return nil
	}
	claim := aliasClaim(pool, attr, value)
	if movableAlias(pool, claim) == "" {
		return nil
	}
	rec, err := s.store.GetUserByClaim(ctx, pool.ID, claim)
	if errors.Is(err, store.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	if rec.Key == u.Key {
		return nil
	}
	owner := &User{PoolID: pool.ID, Key: rec.Key}
	_, err = s.updateUser(ctx, pool, owner, func(o *User) error {
		if aliasClaim(pool, attr, o.Attributes[attr]) == claim {
			o.Attributes[attr+"_verified"] = "false"
		}
		return nil
	})
	if IsCode(err, UserNotFound) {
		return nil
	}
	return err
}

// ResendConfirmationCodeInput is ResendConfirmationCode's request.
type ResendConfirmationCodeInput struct {
	ClientID       *string
	SecretHash     *string
	Username       *string
	ClientMetadata map[string]string
}

// ResendConfirmationCode sends an UNCONFIRMED user a new confirmation code
// (at most five an hour); earlier codes stop working.
func (s *Service) ResendConfirmationCode(ctx context.Context, in ResendConfirmationCodeInput) (*CodeDelivery, error) {
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
		phoneFirst := contains(pool.AutoVerifiedAttributes, AttrPhoneNumber)
		return simulatedDelivery(*in.Username, phoneFirst), nil
	}
	if user.Status != StatusUnconfirmed {
		return nil, Invalid("User is already confirmed.")
	}
	attr, value := signUpDestination(pool, user.Attributes)
	if attr == "" {
		return nil, Invalid("Cannot resend codes. Auto verification not turned on.")
	}
	return s.sendCode(ctx, pool, user, client.ClientID, signUpCode(attr, value), func(u *User) error {
		return s.takeAttempt(u, limitResend)
	})
}
