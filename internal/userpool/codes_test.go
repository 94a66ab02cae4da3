package userpool

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/incognito-idp/incognito/internal/message"
	"github.com/incognito-idp/incognito/internal/srp"
)

// captureSender keeps the messages the service sends; err makes sending
// fail.
type captureSender struct {
	msgs []message.Message
	err  error
}

func (c *captureSender) Send(_ context.Context, m message.Message) error {
	c.msgs = append(c.msgs, m)
	return c.err
}

var codeInBody = regexp.MustCompile(`[0-9]{6}`)

// lastCode is the code of the newest message to a destination.
func (c *captureSender) lastCode(t *testing.T, to string) string {
	t.Helper()
	for i := len(c.msgs) - 1; i >= 0; i-- {
		if c.msgs[i].Destination == to {
			code := codeInBody.FindString(c.msgs[i].Body)
			if code == "" {
				t.Fatalf("no code in %q", c.msgs[i].Body)
			}
			return code
		}
	}
	t.Fatalf("nothing sent to %s", to)
	return ""
}

// codeTestEnv is a userTestEnv with a pool that verifies email itself, an
// app client, and a capturing sender.
type codeTestEnv struct {
	*userTestEnv
	sent     *captureSender
	pool     *Pool
	clientID string
}

func newCodeTestEnv(t *testing.T, p Pool) *codeTestEnv {
	t.Helper()
	e := newUserTestEnv(t)
	sent := &captureSender{}
	e.svc.sender = sent
	if p.AutoVerifiedAttributes == nil {
		p.AutoVerifiedAttributes = []string{AttrEmail}
	}
	pool := e.pool(t, "us-east-1_CodeTests", p)
	cl, err := e.svc.CreateClient(e.ctx, CreateClientInput{UserPoolId: &pool.ID,
		ClientSettings: ClientSettings{ClientName: ptr("codes")}})
	if err != nil {
		t.Fatal(err)
	}
	return &codeTestEnv{userTestEnv: e, sent: sent, pool: pool, clientID: cl.ClientID}
}

const testPassword = "Correct-Horse-1"

func (e *codeTestEnv) signUp(t *testing.T, username, email string) *User {
	t.Helper()
	res, err := e.svc.SignUp(e.ctx, SignUpInput{ClientID: &e.clientID, Username: &username,
		Password: ptr(testPassword), UserAttributes: attrs("email", email)})
	if err != nil {
		t.Fatalf("SignUp %s: %v", username, err)
	}
	return res.User
}

func (e *codeTestEnv) confirm(username, code string) error {
	_, err := e.svc.ConfirmSignUp(e.ctx, ConfirmSignUpInput{ClientID: &e.clientID, Username: &username, ConfirmationCode: &code})
	return err
}

func (e *codeTestEnv) user(t *testing.T, username string) *User {
	t.Helper()
	u, err := e.svc.FindUser(e.ctx, e.pool, username)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// fixedReader returns its bytes, then fails.
type fixedReader struct{ b []byte }

func (r *fixedReader) Read(p []byte) (int, error) {
	if len(r.b) == 0 {
		return 0, fmt.Errorf("out of bytes")
	}
	n := copy(p, r.b)
	r.b = r.b[n:]
	return n, nil
}

func TestNewCode(t *testing.T) {
	cases := []struct {
		name  string
		bytes []byte
		want  string
		fails bool
	}{
		{"zero", []byte{0, 0, 0, 0}, "000000", false},
		{"leading zeros kept", []byte{0, 0, 0x30, 0x39}, "012345", false},
		{"reduced modulo a million", []byte{0x00, 0x0f, 0x42, 0x41}, "000001", false},
		{"largest accepted value", []byte{0xff, 0xf1, 0x3d, 0x7f}, "999999", false},
		{"smallest biased value is drawn again", []byte{0xff, 0xf1, 0x3d, 0x80, 0, 0, 0, 9}, "000009", false},
		{"biased values are drawn again", []byte{0xff, 0xff, 0xff, 0xff, 0, 0, 0, 7}, "000007", false},
		{"randomness fails", []byte{1, 2}, "", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := newCode(&fixedReader{c.bytes})
			if c.fails {
				if err == nil {
					t.Fatalf("got %q, want an error", got)
				}
				return
			}
			if err != nil || got != c.want {
				t.Fatalf("got %q, %v; want %q", got, err, c.want)
			}
		})
	}
}

func TestUseCode(t *testing.T) {
	e := newUserTestEnv(t)
	svc := e.svc
	fresh := func() (*User, string) {
		u := &User{PoolID: "us-east-1_CodeTests", Key: "alice", Username: "alice"}
		code, err := svc.issueCode(u, forgotCode(AttrEmail, "alice@example.com"))
		if err != nil {
			t.Fatal(err)
		}
		return u, code
	}
	cases := []struct {
		name    string
		prepare func(u *User, code string) (*User, string, string) // user, purpose, code to try
		want    Code
	}{
		{"right code", func(u *User, c string) (*User, string, string) { return u, purposeForgot, c }, ""},
		{"wrong code", func(u *User, c string) (*User, string, string) { return u, purposeForgot, wrongOf(c) }, CodeMismatch},
		{"no code for the purpose", func(u *User, c string) (*User, string, string) { return u, purposeSignUp, c }, CodeMismatch},
		{"code of another user", func(u *User, c string) (*User, string, string) {
			other := *u
			other.Key = "bob"
			return &other, purposeForgot, c
		}, CodeMismatch},
		{"expired", func(u *User, c string) (*User, string, string) {
			e.now = e.now.Add(forgotCodeLifetime)
			return u, purposeForgot, c
		}, ExpiredCode},
		{"used", func(u *User, c string) (*User, string, string) {
			if _, err := svc.useCode(u, purposeForgot, c); err != nil {
				t.Fatal(err)
			}
			return u, purposeForgot, c
		}, ExpiredCode},
		{"wrong code after use", func(u *User, c string) (*User, string, string) {
			if _, err := svc.useCode(u, purposeForgot, c); err != nil {
				t.Fatal(err)
			}
			return u, purposeForgot, wrongOf(c)
		}, CodeMismatch},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			start := e.now
			defer func() { e.now = start }()
			u, code := fresh()
			u, purpose, try := c.prepare(u, code)
			st, err := svc.useCode(u, purpose, try)
			if c.want == "" {
				if err != nil {
					t.Fatalf("useCode: %v", err)
				}
				if st.Attribute != AttrEmail || st.Value != "alice@example.com" || !u.Private.Codes[purpose].Used {
					t.Fatalf("state %+v", u.Private.Codes[purpose])
				}
				return
			}
			if !IsCode(err, c.want) {
				t.Fatalf("got %v, want %s", err, c.want)
			}
		})
	}
}

func wrongOf(code string) string {
	if code == "000000" {
		return "111111"
	}
	return "000000"
}

func TestHourlyLimits(t *testing.T) {
	e := newUserTestEnv(t)
	for action, limit := range hourlyLimits {
		t.Run(action, func(t *testing.T) {
			start := e.now
			defer func() { e.now = start }()
			u := &User{}
			for i := 1; i <= limit; i++ {
				if err := e.svc.takeAttempt(u, action); err != nil {
					t.Fatalf("request %d: %v", i, err)
				}
				e.now = e.now.Add(time.Minute)
			}
			err := e.svc.takeAttempt(u, action)
			wantCode(t, err, LimitExceeded, "Attempt limit exceeded, please try after some time.")
			// The oldest request leaves the window an hour after it came.
			e.now = start.Add(time.Hour)
			if err := e.svc.takeAttempt(u, action); err != nil {
				t.Fatalf("after an hour: %v", err)
			}
			wantCode(t, e.svc.takeAttempt(u, action), LimitExceeded, "")
		})
	}
}

func TestCodesAreStoredHashed(t *testing.T) {
	e := newCodeTestEnv(t, Pool{})
	e.signUp(t, "alice", "alice@example.com")
	code := e.sent.lastCode(t, "alice@example.com")
	rec, err := e.store.GetUser(e.ctx, e.pool.ID, "alice")
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(rec.Data, []byte(code)) {
		t.Fatal("the sealed state shows the code")
	}
	u, err := e.svc.fromRecord(rec)
	if err != nil {
		t.Fatal(err)
	}
	plain, _ := json.Marshal(u.Private)
	if strings.Contains(string(plain), code) {
		t.Fatalf("the private state keeps the code in the clear: %s", plain)
	}
	st := u.Private.Codes[purposeSignUp]
	if len(st.Hash) != 32 || len(st.Salt) != 16 || !st.Expires.Equal(e.now.Add(24*time.Hour)) {
		t.Fatalf("code state %+v", st)
	}
}

func TestCodeLifetimes(t *testing.T) {
	cases := []struct {
		name  string
		after time.Duration
		want  Code
	}{
		{"sign-up code within a day", 24*time.Hour - time.Second, ""},
		{"sign-up code after a day", 24 * time.Hour, ExpiredCode},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := newCodeTestEnv(t, Pool{})
			e.signUp(t, "alice", "alice@example.com")
			e.now = e.now.Add(c.after)
			err := e.confirm("alice", e.sent.lastCode(t, "alice@example.com"))
			if c.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			wantCode(t, err, c.want, "Invalid code provided, please request a code again.")
		})
	}

	forgot := []struct {
		name  string
		after time.Duration
		want  Code
	}{
		{"reset code within the hour", time.Hour - time.Second, ""},
		{"reset code after the hour", time.Hour, ExpiredCode},
	}
	for _, c := range forgot {
		t.Run(c.name, func(t *testing.T) {
			e := newCodeTestEnv(t, Pool{})
			u := e.create(t, e.pool.ID, "bob", "email", "bob@example.com", "email_verified", "true")
			if _, err := e.svc.SetUserPassword(e.ctx, e.pool, u, "Old-Password-1", true); err != nil {
				t.Fatal(err)
			}
			if _, err := e.svc.ForgotPassword(e.ctx, ForgotPasswordInput{ClientID: &e.clientID, Username: ptr("bob")}); err != nil {
				t.Fatal(err)
			}
			e.now = e.now.Add(c.after)
			err := e.svc.ConfirmForgotPassword(e.ctx, ConfirmForgotPasswordInput{ClientID: &e.clientID, Username: ptr("bob"),
				ConfirmationCode: ptr(e.sent.lastCode(t, "bob@example.com")), Password: ptr(testPassword)})
			if c.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				if u := e.user(t, "bob"); u.Status != StatusConfirmed || !e.svc.CheckPassword(u, testPassword) {
					t.Fatalf("after the reset: status %s", u.Status)
				}
				return
			}
			wantCode(t, err, c.want, "")
		})
	}
}

func TestWrongCodesLockOut(t *testing.T) {
	e := newCodeTestEnv(t, Pool{})
	e.signUp(t, "alice", "alice@example.com")
	code := e.sent.lastCode(t, "alice@example.com")
	for i := 1; i <= 5; i++ {
		wantCode(t, e.confirm("alice", wrongOf(code)), CodeMismatch, "Invalid verification code provided, please try again.")
	}
	wantCode(t, e.confirm("alice", code), LimitExceeded, "Attempt limit exceeded, please try after some time.")
	if err := e.svc.CheckLockout(e.user(t, "alice")); !IsCode(err, NotAuthorized) {
		t.Fatalf("sign-in is not locked: %v", err)
	}
	e.now = e.now.Add(2 * time.Second)
	if err := e.confirm("alice", code); err != nil {
		t.Fatalf("after the lockout: %v", err)
	}
	if u := e.user(t, "alice"); u.Status != StatusConfirmed || u.Attributes[AttrEmailVerified] != "true" {
		t.Fatalf("status %s, email_verified %q", u.Status, u.Attributes[AttrEmailVerified])
	}
}

func TestDeliveryFailure(t *testing.T) {
	e := newCodeTestEnv(t, Pool{})
	e.sent.err = fmt.Errorf("%w: smtp: connection refused", message.ErrDelivery)
	_, err := e.svc.SignUp(e.ctx, SignUpInput{ClientID: &e.clientID, Username: ptr("alice"),
		Password: ptr(testPassword), UserAttributes: attrs("email", "alice@example.com")})
	wantCode(t, err, CodeDeliveryFailure, "Unable to deliver message")
	// The user exists and can ask again once delivery works.
	e.sent.err = nil
	if _, err := e.svc.ResendConfirmationCode(e.ctx, ResendConfirmationCodeInput{ClientID: &e.clientID, Username: ptr("alice")}); err != nil {
		t.Fatal(err)
	}
	if err := e.confirm("alice", e.sent.lastCode(t, "alice@example.com")); err != nil {
		t.Fatal(err)
	}
}

func TestPoolTemplates(t *testing.T) {
	cases := []struct {
		name string
		pool Pool
		want message.Templates
	}{
		{"defaults", Pool{}, message.Templates{}},
		{"top-level texts", Pool{EmailVerificationMessage: "m {####}", EmailVerificationSubject: "s", SmsVerificationMessage: "sms {####}"},
			message.Templates{EmailVerificationMessage: "m {####}", EmailVerificationSubject: "s", SmsVerificationMessage: "sms {####}"}},
		{"template wins", Pool{EmailVerificationMessage: "old {####}", VerificationMessageTemplate: &VerificationMessageTemplate{
			EmailMessage: "new {####}", EmailSubject: "subj", DefaultEmailOption: "CONFIRM_WITH_LINK", EmailMessageByLink: "{##go##}"}},
			message.Templates{EmailVerificationMessage: "new {####}", EmailVerificationSubject: "subj",
				DefaultEmailOption: "CONFIRM_WITH_LINK", EmailMessageByLink: "{##go##}"}},
		{"empty template fields keep the top level", Pool{SmsVerificationMessage: "top {####}",
			VerificationMessageTemplate: &VerificationMessageTemplate{}},
			message.Templates{SmsVerificationMessage: "top {####}"}},
		{"invitation", Pool{AdminCreateUserConfig: AdminCreateUserConfig{InviteMessageTemplate: &MessageTemplate{
			SMSMessage: "i {####}", EmailMessage: "e {username} {####}", EmailSubject: "welcome"}}},
			message.Templates{InviteSMSMessage: "i {####}", InviteEmailMessage: "e {username} {####}", InviteEmailSubject: "welcome"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := poolTemplates(&c.pool); got != c.want {
				t.Fatalf("got %+v\nwant %+v", got, c.want)
			}
		})
	}
}

func TestCheckSecretHash(t *testing.T) {
	withSecret := &Client{ClientID: "client1", Secrets: []ClientSecret{{Value: "old-secret"}, {Value: "new-secret"}}}
	good := func(secret string) string {
		return srp.SecretHash(secret, "alice", "client1")
	}
	cases := []struct {
		name   string
		client *Client
		user   string
		given  string
		msg    string
	}{
		{"public client ignores it", &Client{ClientID: "client1"}, "alice", "", ""},
		{"current secret", withSecret, "alice", good("new-secret"), ""},
		{"secret being rotated out", withSecret, "alice", good("old-secret"), ""},
		{"missing", withSecret, "alice", "", "Client client1 is configured for secret but secret was not received"},
		{"other username", withSecret, "bob", good("new-secret"), "Unable to verify secret hash for client client1"},
		{"garbage", withSecret, "alice", "bm90IGEgaGFzaA==", "Unable to verify secret hash for client client1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := CheckSecretHash(c.client, c.user, c.given)
			if c.msg == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			wantCode(t, err, NotAuthorized, c.msg)
		})
	}
}
