package userpool

import (
	"context"
	"errors"
	"strings"

	"github.com/incognito-idp/incognito/internal/store"
)

// UserRef names a user in an administrator's request: the pool and the
// username, alias or sub the caller gave. Pointers tell a missing member
// (null) from an empty one.
type UserRef struct {
	PoolID   *string
	Username *string
}

// Ref builds a UserRef, for callers inside Incognito.
func Ref(poolID, username string) UserRef { return UserRef{PoolID: &poolID, Username: &username} }

// Messenger delivers the invitation AdminCreateUser sends, with the
// temporary password, by the given mediums (EMAIL, SMS).
type Messenger interface {
	SendInvitation(ctx context.Context, pool *Pool, user *User, tempPassword string, mediums []string) error
}

// Message actions and delivery mediums of AdminCreateUser.
const (
	MessageActionResend   = "RESEND"
	MessageActionSuppress = "SUPPRESS"
	DeliveryEmail         = "EMAIL"
	DeliverySMS           = "SMS"
)

// AdminCreateUserInput is AdminCreateUser's request.
type AdminCreateUserInput struct {
	PoolID                 *string
	Username               *string
	UserAttributes         []AttributeInput
	ValidationData         []AttributeInput // for the pre sign-up trigger; unused here
	TemporaryPassword      *string
	ForceAliasCreation     bool
	MessageAction          string // "", RESEND or SUPPRESS
	DesiredDeliveryMediums []string
	ClientMetadata         map[string]string
}

// AdminCreateUser creates a user in FORCE_CHANGE_PASSWORD with a temporary
// password (given or generated per the pool's policy) and sends the
// invitation unless suppressed; with RESEND it gives an existing invited
// user a new temporary password instead.
func (s *Service) AdminCreateUser(ctx context.Context, in AdminCreateUserInput) (*User, error) {
	var v Validation
	checkUserRef(&v, UserRef{in.PoolID, in.Username})
	checkAttributeList(&v, "userAttributes", in.UserAttributes)
	checkAttributeList(&v, "validationData", in.ValidationData)
	checkPasswordMember(&v, "temporaryPassword", in.TemporaryPassword, false)
	checkEnum(&v, "messageAction", in.MessageAction, MessageActionResend, MessageActionSuppress)
	checkEnumList(&v, "desiredDeliveryMediums", in.DesiredDeliveryMediums, DeliverySMS, DeliveryEmail)
	if err := v.Err(); err != nil {
		return nil, err
	}
	pool, err := s.loadPool(ctx, *in.PoolID)
	if err != nil {
		return nil, err
	}
	if in.MessageAction == MessageActionResend {
		return s.resendInvitation(ctx, pool, in)
	}

	username, attrs, err := adminUsername(pool, *in.Username, in.UserAttributes)
	if err != nil {
		return nil, err
	}
	values, err := applyAttributes(pool, nil, attrs, true)
	if err != nil {
		return nil, err
	}
	if err := checkDelivery(in, values); err != nil {
		return nil, err
	}
	password, err := s.temporaryPassword(pool, in.TemporaryPassword)
	if err != nil {
		return nil, err
	}

	u, err := s.newUser(pool, *in.Username, username, StatusForceChangePassword, values)
	if err != nil {
		return nil, err
	}
	if err := s.setPassword(pool, u, password, true); err != nil {
		return nil, err
	}
	if err := s.createUser(ctx, pool, u, in.ForceAliasCreation); err != nil {
		return nil, err
	}
	return u, s.invite(ctx, pool, u, password, in)
}

// adminUsername applies the pool's username settings to the Username of
// AdminCreateUser. In pools whose usernames are emails or phone numbers it
// returns "" (the sub becomes the username) and the attributes with the
// given address added.
func adminUsername(pool *Pool, username string, attrs []AttributeInput) (string, []AttributeInput, error) {
	if len(pool.UsernameAttributes) == 0 {
		if pool.HasAlias(AttrEmail) && IsEmail(username) {
			return "", nil, Invalid("Username cannot be of email format, since user pool is configured for email alias.")
		}
		if pool.HasAlias(AttrPhoneNumber) && IsPhoneNumber(username) {
			return "", nil, Invalid("Username cannot be of phone number format, since user pool is configured for phone number alias.")
		}
		return username, attrs, nil
	}
	email, phone := pool.UsesAsUsername(AttrEmail), pool.UsesAsUsername(AttrPhoneNumber)
	var attr string
	switch {
	case email && IsEmail(username):
		attr = AttrEmail
	case phone && IsPhoneNumber(username):
		attr = AttrPhoneNumber
	case email && phone:
		return "", nil, Invalid("Username should be either an email or a phone number.")
	case email:
		return "", nil, Invalid("Username should be an email.")
	default:
		return "", nil, Invalid("Username should be a phone number.")
	}
	out := make([]AttributeInput, 0, len(attrs)+1)
	for _, a := range attrs {
		if str(a.Name) != attr {
			out = append(out, a)
			continue
		}
		if v := str(a.Value); v != "" && v != username {
			if attr == AttrEmail {
				return "", nil, Invalid("User email should be empty or same as username, since username attribute is email")
			}
			return "", nil, Invalid("User phone number should be empty or same as username, since username attribute is phone_number")
		}
	}
	return "", append(out, Attr(attr, username)), nil
}

// newUser builds a user about to be created, enabled, with a new sub and
// the given status and attributes. username is adminUsername's answer for
// the name the caller gave: "" in pools whose usernames are emails or phone
// numbers, where the sub becomes the username and the user remembers which
// attribute it signs in with.
func (s *Service) newUser(pool *Pool, given, username, status string, attrs map[string]string) (*User, error) {
	sub, err := newSub(s.rand)
	if err != nil {
		return nil, err
	}
	now := s.now()
	u := &User{
		PoolID: pool.ID, Username: username, Sub: sub, Status: status,
		Enabled: true, CreatedAt: now, UpdatedAt: now, Attributes: attrs,
	}
	if username == "" {
		u.Username = sub
		u.Private.Extra = map[string]string{extraUsernameAttribute: usernameAttribute(given)}
	}
	u.Key = userKey(pool, u.Username)
	u.Attributes[AttrSub] = sub
	return u, nil
}

func usernameAttribute(username string) string {
	if IsEmail(username) {
		return AttrEmail
	}
	return AttrPhoneNumber
}

// checkDelivery refuses a delivery medium the user has no address for.
func checkDelivery(in AdminCreateUserInput, attrs map[string]string) error {
	if in.MessageAction == MessageActionSuppress {
		return nil
	}
	if contains(in.DesiredDeliveryMediums, DeliveryEmail) && attrs[AttrEmail] == "" {
		return Invalid("No email provided but desired delivery medium was Email")
	}
	if contains(in.DesiredDeliveryMediums, DeliverySMS) && attrs[AttrPhoneNumber] == "" {
		return Invalid("No phone number provided but desired delivery medium was SMS")
	}
	return nil
}

// temporaryPassword checks the given temporary password against the
// pool's policy, or makes one when none (or a blank one) was given.
func (s *Service) temporaryPassword(pool *Pool, given *string) (string, error) {
	if p := str(given); p != "" {
		return p, ValidatePassword(pool.Policies.PasswordPolicy, p)
	}
	return GeneratePassword(s.rand, pool.Policies.PasswordPolicy)
}

// createUser writes a new user. With force, an email or phone alias held
// by another user moves to the new one (the other's attribute stays but is
// no longer verified), as ForceAliasCreation asks.
func (s *Service) createUser(ctx context.Context, pool *Pool, u *User, force bool) error {
	for attempt := 0; ; attempt++ {
		rec, err := s.toRecord(pool, u)
		if err != nil {
			return err
		}
		err = s.store.CreateUser(ctx, rec)
		if err == nil {
			return nil
		}
		var c *store.ConflictError
		if !force || attempt > 2 || !errors.As(err, &c) {
			return conflictError(pool, err)
		}
		attr := movableAlias(pool, c.Claim)
		if attr == "" {
			return conflictError(pool, err)
		}
		owner := &User{PoolID: pool.ID, Key: c.Owner}
		_, err = s.updateUser(ctx, pool, owner, func(o *User) error {
			if aliasClaim(pool, attr, o.Attributes[attr]) == c.Claim {
				o.Attributes[attr+"_verified"] = "false"
			}
			return nil
		})
		if err != nil && !IsCode(err, UserNotFound) {
			return err
		}
	}
}

// movableAlias returns the attribute of an alias claim ForceAliasCreation
// may move (a verified email or phone alias), or "".
func movableAlias(pool *Pool, claim string) string {
	rest, ok := strings.CutPrefix(claim, claimAlias)
	if !ok {
		return ""
	}
	attr, _, _ := strings.Cut(rest, ":")
	if (attr == AttrEmail || attr == AttrPhoneNumber) && pool.HasAlias(attr) {
		return attr
	}
	return ""
}

// resendInvitation is AdminCreateUser with MessageAction RESEND: a new
// temporary password for a user still in FORCE_CHANGE_PASSWORD.
func (s *Service) resendInvitation(ctx context.Context, pool *Pool, in AdminCreateUserInput) (*User, error) {
	u, err := s.resolveUser(ctx, pool, *in.Username)
	if err != nil {
		return nil, err
	}
	if u.Status != StatusForceChangePassword {
		return nil, Errorf(UnsupportedUserState, "Resend not possible. %s status is %s.", u.Username, u.Status)
	}
	if err := checkDelivery(in, u.Attributes); err != nil {
		return nil, err
	}
	password, err := s.temporaryPassword(pool, in.TemporaryPassword)
	if err != nil {
		return nil, err
	}
	u, err = s.updateUser(ctx, pool, u, func(u *User) error { return s.setPassword(pool, u, password, true) })
	if err != nil {
		return nil, err
	}
	return u, s.invite(ctx, pool, u, password, in)
}

// invite sends the invitation unless it is suppressed or no Messenger is
// configured. Cognito's default medium is SMS.
func (s *Service) invite(ctx context.Context, pool *Pool, u *User, password string, in AdminCreateUserInput) error {
	if s.messenger == nil || in.MessageAction == MessageActionSuppress {
		return nil
	}
	mediums := in.DesiredDeliveryMediums
	if len(mediums) == 0 {
		mediums = []string{DeliverySMS}
	}
	return s.messenger.SendInvitation(ctx, pool, u, password, mediums)
}
