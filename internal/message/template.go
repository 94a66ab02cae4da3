package message

import (
	"fmt"
	"html"
	"net/url"
	"regexp"
	"strings"
)

// Delivery media, as Cognito spells them in CodeDeliveryDetails.
const (
	MediumEmail = "EMAIL"
	MediumSMS   = "SMS"
)

// Kinds of message: they choose the template and are kept in the outbox.
const (
	// KindVerification confirms a sign-up (SignUp, ResendConfirmationCode).
	// It is the only kind that honours CONFIRM_WITH_LINK.
	KindVerification = "verification"
	// KindAttributeVerification verifies a changed email or phone number
	// (UpdateUserAttributes, GetUserAttributeVerificationCode).
	KindAttributeVerification = "attribute-verification"
	// KindForgotPassword carries a reset code (ForgotPassword,
	// AdminResetUserPassword).
	KindForgotPassword = "forgot-password"
	// KindInvitation welcomes a user created by AdminCreateUser; {####} is
	// the temporary password.
	KindInvitation = "invitation"
	// KindAuthentication carries an MFA or one-time sign-in code.
	KindAuthentication = "authentication"
)

// DefaultEmailOption values.
const (
	ConfirmWithCode = "CONFIRM_WITH_CODE"
	ConfirmWithLink = "CONFIRM_WITH_LINK"
)

// Cognito's default texts, used when a pool leaves a template empty. The
// verification, invitation and SMS authentication texts (trailing space
// included) are what DescribeUserPool shows for a pool created with the
// console defaults; the link texts are the console's link defaults. The
// email authentication texts are Incognito's own: Cognito does not
// document its default email OTP message.
const (
	DefaultEmailVerificationSubject   = "Your verification code"
	DefaultEmailVerificationMessage   = "Your verification code is {####}. "
	DefaultSmsVerificationMessage     = "Your verification code is {####}. "
	DefaultEmailSubjectByLink         = "Your verification link"
	DefaultEmailMessageByLink         = "Please click the link below to verify your email address. {##Verify Email##} "
	DefaultInviteEmailSubject         = "Your temporary password"
	DefaultInviteEmailMessage         = "Your username is {username} and temporary password is {####}. "
	DefaultInviteSMSMessage           = "Your username is {username} and temporary password is {####}. "
	DefaultSmsAuthenticationMessage   = "Your authentication code is {####}. "
	DefaultEmailAuthenticationSubject = "Your authentication code"
	DefaultEmailAuthenticationMessage = "Your authentication code is {####}. "
)

// Templates are a pool's message templates, as plain strings so this
// package needs nothing from the domain. Empty fields take Cognito's
// defaults. The caller resolves Cognito's duplicates (the top-level
// EmailVerificationMessage/Subject and SmsVerificationMessage versus
// VerificationMessageTemplate's EmailMessage/EmailSubject/SmsMessage) before
// filling them in.
type Templates struct {
	EmailVerificationSubject string
	EmailVerificationMessage string
	EmailSubjectByLink       string
	EmailMessageByLink       string
	DefaultEmailOption       string // CONFIRM_WITH_CODE (default) | CONFIRM_WITH_LINK
	SmsVerificationMessage   string

	InviteEmailSubject string
	InviteEmailMessage string
	InviteSMSMessage   string

	SmsAuthenticationMessage   string
	EmailAuthenticationSubject string
	EmailAuthenticationMessage string
}

// Params are the values the placeholders take.
type Params struct {
	// Code replaces {####}: a verification or reset code, or the temporary
	// password of an invitation.
	Code string
	// Username replaces {username} in invitations, and is the user_name of
	// a confirmation link.
	Username string
	// PublicURL (Incognito's public URL, no trailing slash) and ClientID
	// build the confirmation link of CONFIRM_WITH_LINK emails.
	PublicURL string
	ClientID  string
}

// Content is a rendered message. Subject is empty for SMS.
type Content struct {
	Subject string
	Body    string
}

// Render fills the pool's template for a kind of message and a medium.
// Verification emails of a pool with CONFIRM_WITH_LINK carry a link to
// <PublicURL>/confirmUser instead of a code; every other email (attribute
// change, password reset) uses the code template, as Cognito does.
// {username} is replaced only in invitations, the one kind where Cognito
// offers it.
func Render(t Templates, kind, medium string, p Params) (Content, error) {
	if medium != MediumEmail && medium != MediumSMS {
		return Content{}, fmt.Errorf("message: unknown medium %q", medium)
	}
	email := medium == MediumEmail
	var subject, body string
	link, username := false, false
	switch kind {
	case KindVerification, KindAttributeVerification, KindForgotPassword:
		switch {
		case !email:
			body = or(t.SmsVerificationMessage, DefaultSmsVerificationMessage)
		case kind == KindVerification && t.DefaultEmailOption == ConfirmWithLink:
			subject = or(t.EmailSubjectByLink, DefaultEmailSubjectByLink)
			body = or(t.EmailMessageByLink, DefaultEmailMessageByLink)
			link = true
		default:
			subject = or(t.EmailVerificationSubject, DefaultEmailVerificationSubject)
			body = or(t.EmailVerificationMessage, DefaultEmailVerificationMessage)
		}
	case KindInvitation:
		username = true
		if email {
			subject = or(t.InviteEmailSubject, DefaultInviteEmailSubject)
			body = or(t.InviteEmailMessage, DefaultInviteEmailMessage)
		} else {
			body = or(t.InviteSMSMessage, DefaultInviteSMSMessage)
		}
	case KindAuthentication:
		if email {
			subject = or(t.EmailAuthenticationSubject, DefaultEmailAuthenticationSubject)
			body = or(t.EmailAuthenticationMessage, DefaultEmailAuthenticationMessage)
		} else {
			body = or(t.SmsAuthenticationMessage, DefaultSmsAuthenticationMessage)
		}
	default:
		return Content{}, fmt.Errorf("message: unknown kind %q", kind)
	}
	// An HTML email template gets its values escaped; links make a body
	// HTML, as Cognito's own link emails are.
	escape := email && (link || looksLikeHTML(body))
	return Content{
		Subject: fill(subject, p, username, false, false),
		Body:    fill(body, p, username, link, escape),
	}, nil
}

// ConfirmationLink is the link a CONFIRM_WITH_LINK email carries, with
// Cognito's query parameters in Cognito's order.
func ConfirmationLink(publicURL, clientID, username, code string) string {
	return strings.TrimRight(publicURL, "/") + "/confirmUser?client_id=" + url.QueryEscape(clientID) +
		"&user_name=" + url.QueryEscape(username) + "&confirmation_code=" + url.QueryEscape(code)
}

// placeholder matches {username}, {####} and link placeholders {##text##}
// (whose text holds no braces).
var placeholder = regexp.MustCompile(`\{username\}|\{##([^{}]*?)##\}`)

// fill replaces the placeholders of s in one pass, so a value that itself
// looks like a placeholder is never expanded.
func fill(s string, p Params, username, link, escape bool) string {
	esc := func(v string) string {
		if escape {
			return html.EscapeString(v)
		}
		return v
	}
	return placeholder.ReplaceAllStringFunc(s, func(m string) string {
		switch {
		case m == "{####}":
			return esc(p.Code)
		case m == "{username}":
			if username {
				return esc(p.Username)
			}
			return m
		case link:
			text := m[len("{##") : len(m)-len("##}")]
			href := ConfirmationLink(p.PublicURL, p.ClientID, p.Username, p.Code)
			return `<a href="` + html.EscapeString(href) + `">` + text + `</a>`
		default:
			return m
		}
	})
}

// htmlTag finds an HTML start, end or self-closing tag.
var htmlTag = regexp.MustCompile(`(?i)<(/?[a-z][a-z0-9]*)(\s[^<>]*)?/?>`)

// looksLikeHTML reports whether a body carries HTML markup (Cognito lets
// templates use HTML tags); such emails are sent as text/html.
func looksLikeHTML(s string) bool { return htmlTag.MatchString(s) }

func or(v, def string) string {
	if v == "" {
		return def
	}
	return v
}
