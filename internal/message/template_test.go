package message

import (
	"strings"
	"testing"
)

func TestRender(t *testing.T) {
	custom := Templates{
		EmailVerificationSubject:   "Confirm your account",
		EmailVerificationMessage:   "Code: {####}",
		EmailSubjectByLink:         "Confirm by link",
		EmailMessageByLink:         "Please {##click here##} to confirm.",
		SmsVerificationMessage:     "SMS code {####}",
		InviteEmailSubject:         "Welcome {username}",
		InviteEmailMessage:         "Hi {username}, your password is {####}",
		InviteSMSMessage:           "{username} / {####}",
		SmsAuthenticationMessage:   "Sign-in code {####}",
		EmailAuthenticationSubject: "Sign-in",
		EmailAuthenticationMessage: "Use {####} to sign in",
	}
	linkPool := custom
	linkPool.DefaultEmailOption = ConfirmWithLink
	p := Params{Code: "123456", Username: "alice", PublicURL: "https://id.example.com", ClientID: "client1"}
	wantLink := `<a href="https://id.example.com/confirmUser?client_id=client1&amp;user_name=alice&amp;confirmation_code=123456">`

	tests := []struct {
		name          string
		t             Templates
		kind, medium  string
		p             Params
		subject, body string
	}{
		{"default verification email", Templates{}, KindVerification, MediumEmail, p,
			"Your verification code", "Your verification code is 123456. "},
		{"default verification sms", Templates{}, KindVerification, MediumSMS, p,
			"", "Your verification code is 123456. "},
		{"default attribute verification", Templates{}, KindAttributeVerification, MediumEmail, p,
			"Your verification code", "Your verification code is 123456. "},
		{"default forgot password sms", Templates{}, KindForgotPassword, MediumSMS, p,
			"", "Your verification code is 123456. "},
		{"default invitation email", Templates{}, KindInvitation, MediumEmail, Params{Code: "Tmp#Pass1", Username: "bob"},
			"Your temporary password", "Your username is bob and temporary password is Tmp#Pass1. "},
		{"default invitation sms", Templates{}, KindInvitation, MediumSMS, Params{Code: "Tmp#Pass1", Username: "bob"},
			"", "Your username is bob and temporary password is Tmp#Pass1. "},
		{"default authentication sms", Templates{}, KindAuthentication, MediumSMS, p,
			"", "Your authentication code is 123456. "},
		{"default authentication email", Templates{}, KindAuthentication, MediumEmail, p,
			"Your authentication code", "Your authentication code is 123456. "},
		{"default link email", Templates{DefaultEmailOption: ConfirmWithLink}, KindVerification, MediumEmail, p,
			"Your verification link", "Please click the link below to verify your email address. " + wantLink + "Verify Email</a> "},
		{"custom verification email", custom, KindVerification, MediumEmail, p,
			"Confirm your account", "Code: 123456"},
		{"custom verification sms", custom, KindVerification, MediumSMS, p, "", "SMS code 123456"},
		{"custom link email", linkPool, KindVerification, MediumEmail, p,
			"Confirm by link", "Please " + wantLink + "click here</a> to confirm."},
		{"link pool sends sms codes", linkPool, KindVerification, MediumSMS, p, "", "SMS code 123456"},
		{"link pool sends code for attribute change", linkPool, KindAttributeVerification, MediumEmail, p,
			"Confirm your account", "Code: 123456"},
		{"link pool sends code for password reset", linkPool, KindForgotPassword, MediumEmail, p,
			"Confirm your account", "Code: 123456"},
		{"custom invitation email", custom, KindInvitation, MediumEmail, p,
			"Welcome alice", "Hi alice, your password is 123456"},
		{"custom invitation sms", custom, KindInvitation, MediumSMS, p, "", "alice / 123456"},
		{"custom authentication email", custom, KindAuthentication, MediumEmail, p, "Sign-in", "Use 123456 to sign in"},
		{"username not offered in verification", Templates{EmailVerificationMessage: "{username}: {####}"}, KindVerification, MediumEmail, p,
			"Your verification code", "{username}: 123456"},
		{"every placeholder replaced", Templates{EmailVerificationMessage: "{####} and {####}"}, KindVerification, MediumEmail, p,
			"Your verification code", "123456 and 123456"},
		{"values are not expanded again", Templates{}, KindInvitation, MediumSMS, Params{Code: "{username}", Username: "{####}"},
			"", "Your username is {####} and temporary password is {username}. "},
		{"html template escapes values", Templates{InviteEmailMessage: "<p>User <b>{username}</b>, password {####}</p>"}, KindInvitation, MediumEmail,
			Params{Code: "a<b&c", Username: `x"<y>`},
			"Your temporary password", "<p>User <b>x&#34;&lt;y&gt;</b>, password a&lt;b&amp;c</p>"},
		{"plain template keeps values", Templates{}, KindInvitation, MediumEmail, Params{Code: "a<b&c", Username: "x"},
			"Your temporary password", "Your username is x and temporary password is a<b&c. "},
		{"link escapes query values", Templates{DefaultEmailOption: ConfirmWithLink, EmailMessageByLink: "{##Go##}"}, KindVerification, MediumEmail,
			Params{Code: "1 2", Username: "a&b+c@example.com", PublicURL: "http://localhost:8080/", ClientID: "c"},
			"Your verification link", `<a href="http://localhost:8080/confirmUser?client_id=c&amp;user_name=a%26b%2Bc%40example.com&amp;confirmation_code=1+2">Go</a>`},
		{"code placeholder in link template", Templates{DefaultEmailOption: ConfirmWithLink, EmailMessageByLink: "{##Go##} or enter {####}"}, KindVerification, MediumEmail, p,
			"Your verification link", wantLink + "Go</a> or enter 123456"},
		{"broken placeholders stay", Templates{EmailVerificationMessage: "{###} {####} {##x"}, KindVerification, MediumEmail, p,
			"Your verification code", "{###} 123456 {##x"},
		{"subject code placeholder", Templates{EmailVerificationSubject: "Code {####}"}, KindVerification, MediumEmail, p,
			"Code 123456", "Your verification code is 123456. "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Render(tt.t, tt.kind, tt.medium, tt.p)
			if err != nil {
				t.Fatal(err)
			}
			if got.Subject != tt.subject || got.Body != tt.body {
				t.Errorf("Render = %q / %q\nwant     %q / %q", got.Subject, got.Body, tt.subject, tt.body)
			}
		})
	}
}

func TestRenderErrors(t *testing.T) {
	if _, err := Render(Templates{}, "welcome", MediumEmail, Params{}); err == nil || !strings.Contains(err.Error(), `unknown kind "welcome"`) {
		t.Errorf("unknown kind: err = %v", err)
	}
	if _, err := Render(Templates{}, KindVerification, "PIGEON", Params{}); err == nil || !strings.Contains(err.Error(), `unknown medium "PIGEON"`) {
		t.Errorf("unknown medium: err = %v", err)
	}
}

func TestConfirmationLink(t *testing.T) {
	got := ConfirmationLink("https://auth.example.com", "abcdefg12345678", "emailtest", "123456")
	want := "https://auth.example.com/confirmUser?client_id=abcdefg12345678&user_name=emailtest&confirmation_code=123456"
	if got != want {
		t.Errorf("ConfirmationLink = %q, want %q", got, want)
	}
}

func TestLooksLikeHTML(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Your verification code is 123456. ", false},
		{"Line one\nLine two", false},
		{"3 < 5 and 6 > 2", false},
		{"<p>Hello</p>", true},
		{"Hello<br>world", true},
		{"Hello<br/>world", true},
		{`<a href="x">go</a>`, true},
		{"code: <1234>", false},
	}
	for _, tt := range tests {
		if got := looksLikeHTML(tt.in); got != tt.want {
			t.Errorf("looksLikeHTML(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
