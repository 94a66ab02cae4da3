package userpool

import (
	"context"
	"errors"

	"github.com/incognito-idp/incognito/internal/message"
)

// MessageSender delivers one rendered message; message.Sender implements
// it (recording it in the outbox, logging it, and sending it by SMTP or the
// SMS webhook).
type MessageSender interface {
	Send(ctx context.Context, m message.Message) error
}

// CodeDelivery is where a code went (CodeDeliveryDetailsType): the masked
// destination, EMAIL or SMS, and the attribute it was sent to.
type CodeDelivery struct {
	Destination    string
	DeliveryMedium string
	AttributeName  string
}

// poolTemplates gathers a pool's message templates. Cognito keeps the
// verification texts twice (top level and VerificationMessageTemplate);
// the template's own fields win when set.
func poolTemplates(p *Pool) message.Templates {
	t := message.Templates{
		EmailVerificationSubject: p.EmailVerificationSubject,
		EmailVerificationMessage: p.EmailVerificationMessage,
		SmsVerificationMessage:   p.SmsVerificationMessage,
		SmsAuthenticationMessage: p.SmsAuthenticationMessage,
	}
	if v := p.VerificationMessageTemplate; v != nil {
		t.EmailVerificationSubject = orDefault(v.EmailSubject, t.EmailVerificationSubject)
		t.EmailVerificationMessage = orDefault(v.EmailMessage, t.EmailVerificationMessage)
		t.SmsVerificationMessage = orDefault(v.SmsMessage, t.SmsVerificationMessage)
		t.EmailSubjectByLink = v.EmailSubjectByLink
		t.EmailMessageByLink = v.EmailMessageByLink
		t.DefaultEmailOption = v.DefaultEmailOption
	}
	if i := p.AdminCreateUserConfig.InviteMessageTemplate; i != nil {
		t.InviteEmailSubject, t.InviteEmailMessage, t.InviteSMSMessage = i.EmailSubject, i.EmailMessage, i.SMSMessage
	}
	if e := p.EmailMfaConfiguration; e != nil {
		t.EmailAuthenticationSubject, t.EmailAuthenticationMessage = e.Subject, e.Message
	}
	return t
}

// mediumOf is the delivery medium of a contact attribute.
func mediumOf(attr string) string {
	if attr == AttrPhoneNumber {
		return message.MediumSMS
	}
	return message.MediumEmail
}

// errDeliveryFailed is Cognito's answer when a message cannot be sent.
func errDeliveryFailed() error {
	return Errorf(CodeDeliveryFailure, "Unable to deliver message")
}

// send renders a message of kind with the pool's templates and hands it to
// the sender. A delivery failure is CodeDeliveryFailureException.
func (s *Service) send(ctx context.Context, pool *Pool, user *User, kind, medium, to string, p message.Params) error {
	content, err := message.Render(poolTemplates(pool), kind, medium, p)
	if err != nil {
		return err
	}
	if s.sender == nil {
		s.log.WarnContext(ctx, "no message sender configured; message dropped", "pool", pool.ID, "kind", kind)
		return nil
	}
	err = s.sender.Send(ctx, message.Message{
		PoolID: pool.ID, Kind: kind, Medium: medium, Destination: to,
		Subject: content.Subject, Body: content.Body, Username: user.Username,
	})
	if errors.Is(err, message.ErrDelivery) {
		s.log.WarnContext(ctx, "code delivery failed", "pool", pool.ID, "kind", kind, "err", err)
		return errDeliveryFailed()
	}
	return err
}

// deliverCode sends code in a message of m's kind to m's address and
// describes the delivery. clientID goes into confirmation links.
func (s *Service) deliverCode(ctx context.Context, pool *Pool, user *User, clientID string, m codeMessage, code string) (*CodeDelivery, error) {
	medium := mediumOf(m.attr)
	err := s.send(ctx, pool, user, m.kind, medium, m.value, message.Params{
		Code: code, Username: user.Username, PublicURL: s.publicURL, ClientID: clientID,
	})
	if err != nil {
		return nil, err
	}
	return &CodeDelivery{Destination: message.Mask(medium, m.value), DeliveryMedium: medium, AttributeName: m.attr}, nil
}

// sendCode issues m's code in one write of user, after change (the
// operation's own part of that write: an attempt taken, a status set), and
// then delivers it.
func (s *Service) sendCode(ctx context.Context, pool *Pool, user *User, clientID string, m codeMessage, change func(*User) error) (*CodeDelivery, error) {
	var code string
	user, err := s.updateUser(ctx, pool, user, func(u *User) error {
		if err := change(u); err != nil {
			return err
		}
		var err error
		code, err = s.issueCode(u, m)
		return err
	})
	if err != nil {
		return nil, err
	}
	return s.deliverCode(ctx, pool, user, clientID, m, code)
}

// invitationMessenger sends AdminCreateUser's invitations through the
// service's MessageSender.
type invitationMessenger struct{ s *Service }

// SendInvitation sends the invitation by each medium the user has an
// address for. Cognito's default medium is SMS; a user created without a
// phone number but with an email address gets the email instead.
func (m invitationMessenger) SendInvitation(ctx context.Context, pool *Pool, user *User, tempPassword string, mediums []string) error {
	name := user.Username
	if attr := user.Private.Extra[extraUsernameAttribute]; attr != "" && user.Attributes[attr] != "" {
		name = user.Attributes[attr]
	}
	sent := false
	for _, medium := range []string{DeliverySMS, DeliveryEmail} {
		if !contains(mediums, medium) {
			continue
		}
		if err := m.invite(ctx, pool, user, medium, name, tempPassword, &sent); err != nil {
			return err
		}
	}
	if !sent && !contains(mediums, DeliveryEmail) {
		return m.invite(ctx, pool, user, DeliveryEmail, name, tempPassword, &sent)
	}
	return nil
}

func (m invitationMessenger) invite(ctx context.Context, pool *Pool, user *User, medium, name, password string, sent *bool) error {
	attr := AttrEmail
	if medium == DeliverySMS {
		attr = AttrPhoneNumber
	}
	to := user.Attributes[attr]
	if to == "" {
		return nil
	}
	*sent = true
	return m.s.send(ctx, pool, user, message.KindInvitation, medium, to, message.Params{Code: password, Username: name})
}
