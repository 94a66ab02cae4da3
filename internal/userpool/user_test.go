package userpool

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/incognito-idp/incognito/internal/store"
	"github.com/incognito-idp/incognito/internal/testenv"
)

// userTestEnv is a Service over a real SQLite store with a settable clock.
type userTestEnv struct {
	svc   *Service
	store store.Store
	now   time.Time
	ctx   context.Context
}

func newUserTestEnv(t *testing.T) *userTestEnv {
	t.Helper()
	ctx := context.Background()
	st, sealer := testenv.SQLite(t), testenv.Sealer(t)
	env := &userTestEnv{store: st, now: time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC), ctx: ctx}
	env.svc = New(Options{Store: st, Sealer: sealer, Region: "us-east-1", AccountID: "000000000000",
		Now: func() time.Time { return env.now }})
	return env
}

// pool stores a pool with the given settings straight into the store.
func (e *userTestEnv) pool(t *testing.T, id string, p Pool) *Pool {
	t.Helper()
	if p.Policies.PasswordPolicy.MinimumLength == 0 {
		p.Policies.PasswordPolicy = PasswordPolicy{MinimumLength: 8, RequireLowercase: true,
			RequireUppercase: true, RequireNumbers: true, RequireSymbols: true, TemporaryPasswordValidityDays: 7}
	}
	if p.Schema == nil {
		p.Schema = StandardSchema()
	}
	data, err := json.Marshal(&p)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.store.CreatePool(e.ctx, store.PoolRecord{ID: id, Name: "test", CreatedAt: e.now, UpdatedAt: e.now, Data: data}); err != nil {
		t.Fatal(err)
	}
	p.ID = id
	return &p
}

func (e *userTestEnv) create(t *testing.T, poolID, username string, kv ...string) *User {
	t.Helper()
	u, err := e.svc.AdminCreateUser(e.ctx, AdminCreateUserInput{PoolID: &poolID, Username: &username,
		UserAttributes: attrs(kv...), MessageAction: MessageActionSuppress})
	if err != nil {
		t.Fatalf("creating %s: %v", username, err)
	}
	return u
}

func wantCode(t *testing.T, err error, code Code, msg string) {
	t.Helper()
	if !IsCode(err, code) {
		t.Fatalf("got %v, want %s", err, code)
	}
	if msg != "" && err.(*Error).Message != msg {
		t.Fatalf("message %q, want %q", err.(*Error).Message, msg)
	}
}

func TestAdminConfirmSignUp(t *testing.T) {
	e := newUserTestEnv(t)
	pool := e.pool(t, "us-east-1_Confirm01", Pool{})
	// No sign-up exists yet in this package: write an UNCONFIRMED user as
	// SignUp will, through the service's own record conversion.
	u := &User{PoolID: pool.ID, Key: "carol", Username: "carol", Sub: "7d6c0a52-5b8e-4d53-9d54-2f1c9d1f0b11",
		Status: StatusUnconfirmed, Enabled: true, CreatedAt: e.now, UpdatedAt: e.now,
		Attributes: map[string]string{AttrSub: "7d6c0a52-5b8e-4d53-9d54-2f1c9d1f0b11"}}
	rec, err := e.svc.toRecord(pool, u)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.store.CreateUser(e.ctx, rec); err != nil {
		t.Fatal(err)
	}
	if err := e.svc.AdminConfirmSignUp(e.ctx, Ref(pool.ID, "carol")); err != nil {
		t.Fatal(err)
	}
	got, err := e.svc.AdminGetUser(e.ctx, Ref(pool.ID, "carol"))
	if err != nil || got.Status != StatusConfirmed {
		t.Fatalf("after confirming: %+v, %v", got, err)
	}
	err = e.svc.AdminConfirmSignUp(e.ctx, Ref(pool.ID, "carol"))
	wantCode(t, err, NotAuthorized, "User cannot be confirmed. Current status is CONFIRMED")

	e.create(t, pool.ID, "dave")
	err = e.svc.AdminConfirmSignUp(e.ctx, Ref(pool.ID, "dave"))
	wantCode(t, err, NotAuthorized, "User cannot be confirmed. Current status is FORCE_CHANGE_PASSWORD")
}

func TestPasswordsAreVerifiersAndTemporaryOnesExpire(t *testing.T) {
	e := newUserTestEnv(t)
	pool := e.pool(t, "us-east-1_Passw0rd1", Pool{Policies: Policies{PasswordPolicy: PasswordPolicy{
		MinimumLength: 8, TemporaryPasswordValidityDays: 3}}})
	tmp := "Temp-Passw0rd"
	id := pool.ID
	u, err := e.svc.AdminCreateUser(e.ctx, AdminCreateUserInput{PoolID: &id, Username: ptr("erin"),
		TemporaryPassword: &tmp, MessageAction: MessageActionSuppress})
	if err != nil {
		t.Fatal(err)
	}
	if !e.svc.CheckPassword(u, tmp) || e.svc.CheckPassword(u, "wrong-password") {
		t.Fatal("CheckPassword does not match the temporary password")
	}
	if want := e.now.Add(72 * time.Hour); !u.Private.TemporaryPasswordExpires.Equal(want) {
		t.Fatalf("temporary password expires %v, want %v", u.Private.TemporaryPasswordExpires, want)
	}
	e.now = e.now.Add(72*time.Hour - time.Second)
	if e.svc.TemporaryPasswordExpired(u) {
		t.Fatal("expired early")
	}
	e.now = e.now.Add(time.Second)
	if !e.svc.TemporaryPasswordExpired(u) {
		t.Fatal("not expired after TemporaryPasswordValidityDays")
	}

	if err := e.svc.AdminSetUserPassword(e.ctx, Ref(id, "erin"), ptr("Perm-Passw0rd"), true); err != nil {
		t.Fatal(err)
	}
	u, _ = e.svc.AdminGetUser(e.ctx, Ref(id, "erin"))
	if u.Status != StatusConfirmed || !e.svc.CheckPassword(u, "Perm-Passw0rd") || e.svc.CheckPassword(u, tmp) {
		t.Fatalf("after a permanent password: status %s", u.Status)
	}
	if !u.Private.TemporaryPasswordExpires.IsZero() || e.svc.TemporaryPasswordExpired(u) {
		t.Fatal("a permanent password expires")
	}
	rec, _ := e.store.GetUser(e.ctx, id, "erin")
	if len(rec.Data) == 0 || bytes.Contains(rec.Data, []byte("Perm-Passw0rd")) ||
		bytes.Contains(rec.Data, u.Private.PasswordVerifier) || bytes.Contains(rec.Data, []byte("verifier")) {
		t.Fatal("stored data shows the password or the unsealed verifier")
	}
}

func ptr(s string) *string { return &s }

func TestFindUserByAliases(t *testing.T) {
	e := newUserTestEnv(t)
	pool := e.pool(t, "us-east-1_Aliases01", Pool{AliasAttributes: []string{"email", "phone_number", "preferred_username"}})
	id := pool.ID
	e.create(t, id, "Frank", "email", "Frank@Example.com", "email_verified", "true",
		"phone_number", "+15550001", "preferred_username", "frankie")
	tests := []struct {
		name, signIn string
		found        bool
	}{
		{"username, other case", "frank", true},
		{"verified email, other case", "frank@example.com", true},
		{"unverified phone", "+15550001", false},
		{"preferred username", "FRANKIE", true},
		{"unknown", "nobody", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := e.svc.FindUser(e.ctx, pool, tt.signIn)
			if !tt.found {
				wantCode(t, err, UserNotFound, "User does not exist.")
				return
			}
			if err != nil || u.Username != "Frank" {
				t.Fatalf("got %v, %v", u, err)
			}
		})
	}
	u, _ := e.svc.FindUser(e.ctx, pool, "frank")
	bySub, err := e.svc.GetUserBySub(e.ctx, id, u.Sub)
	if err != nil || bySub.Key != u.Key {
		t.Fatalf("by sub: %v, %v", bySub, err)
	}
	// A second user cannot take the verified email or the preferred username.
	_, err = e.svc.AdminCreateUser(e.ctx, AdminCreateUserInput{PoolID: &id, Username: ptr("gina"),
		UserAttributes: attrs("email", "frank@example.com", "email_verified", "true"), MessageAction: MessageActionSuppress})
	wantCode(t, err, AliasExists, "An account with the given email already exists.")
	_, err = e.svc.AdminCreateUser(e.ctx, AdminCreateUserInput{PoolID: &id, Username: ptr("gina"),
		UserAttributes: attrs("preferred_username", "Frankie"), MessageAction: MessageActionSuppress})
	wantCode(t, err, AliasExists, "An account with the given preferred_username already exists.")
	// An unverified copy of the email is fine.
	e.create(t, id, "gina", "email", "frank@example.com")
	// ForceAliasCreation moves the verified email to the new user.
	_, err = e.svc.AdminCreateUser(e.ctx, AdminCreateUserInput{PoolID: &id, Username: ptr("hank"),
		UserAttributes:     attrs("email", "frank@example.com", "email_verified", "true"),
		ForceAliasCreation: true, MessageAction: MessageActionSuppress})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := e.svc.FindUser(e.ctx, pool, "frank@example.com")
	if got == nil || got.Username != "hank" {
		t.Fatalf("alias owner after ForceAliasCreation: %+v", got)
	}
	frank, _ := e.svc.AdminGetUser(e.ctx, Ref(id, "frank"))
	if frank.Attributes["email_verified"] != "false" || frank.Attributes["email"] != "Frank@Example.com" {
		t.Fatalf("previous owner keeps %v", frank.Attributes)
	}
}

func TestEmailAsUsername(t *testing.T) {
	e := newUserTestEnv(t)
	pool := e.pool(t, "us-east-1_EmailUser1", Pool{UsernameAttributes: []string{"email"}})
	id := pool.ID
	u := e.create(t, id, "Ivy@Example.com")
	if u.Username != u.Sub || u.Attributes["email"] != "Ivy@Example.com" {
		t.Fatalf("user %+v", u)
	}
	for _, name := range []string{"ivy@example.com", u.Sub} {
		got, err := e.svc.AdminGetUser(e.ctx, Ref(id, name))
		if err != nil || got.Sub != u.Sub {
			t.Fatalf("lookup by %s: %v, %v", name, got, err)
		}
	}
	_, err := e.svc.AdminCreateUser(e.ctx, AdminCreateUserInput{PoolID: &id, Username: ptr("ivy@example.com"), MessageAction: MessageActionSuppress})
	wantCode(t, err, UsernameExists, "An account with the given email already exists.")
	_, err = e.svc.AdminCreateUser(e.ctx, AdminCreateUserInput{PoolID: &id, Username: ptr("jack"), MessageAction: MessageActionSuppress})
	wantCode(t, err, InvalidParameter, "Username should be an email.")
	_, err = e.svc.AdminCreateUser(e.ctx, AdminCreateUserInput{PoolID: &id, Username: ptr("jack@example.com"),
		UserAttributes: attrs("email", "other@example.com"), MessageAction: MessageActionSuppress})
	wantCode(t, err, InvalidParameter, "User email should be empty or same as username, since username attribute is email")
}

func TestGroupsForUserOrder(t *testing.T) {
	e := newUserTestEnv(t)
	pool := e.pool(t, "us-east-1_Groups001", Pool{})
	id := pool.ID
	u := e.create(t, id, "kim")
	prec := func(n int64) *int64 { return &n }
	for _, g := range []GroupInput{
		{GroupName: ptr("zeta"), Precedence: prec(1)},
		{GroupName: ptr("alpha")},
		{GroupName: ptr("beta"), Precedence: prec(5)},
		{GroupName: ptr("gamma"), Precedence: prec(1)},
		{GroupName: ptr("aardvark")},
	} {
		g.PoolID = &id
		if _, err := e.svc.CreateGroup(e.ctx, g); err != nil {
			t.Fatal(err)
		}
		if err := e.svc.AdminAddUserToGroup(e.ctx, Ref(id, "kim"), g.GroupName); err != nil {
			t.Fatal(err)
		}
	}
	groups, err := e.svc.GroupsForUser(e.ctx, id, u.Key)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, g := range groups {
		names = append(names, g.Name)
	}
	want := []string{"gamma", "zeta", "beta", "aardvark", "alpha"}
	if len(names) != len(want) {
		t.Fatalf("got %v, want %v", names, want)
	}
	for i := range want {
		if names[i] != want[i] {
			t.Fatalf("got %v, want %v", names, want)
		}
	}
}

func TestAdminCreateUserResend(t *testing.T) {
	e := newUserTestEnv(t)
	pool := e.pool(t, "us-east-1_Resend001", Pool{})
	id := pool.ID
	var sent []string
	e.svc.messenger = messengerFunc(func(u *User, pw string, mediums []string) { sent = append(sent, u.Username+":"+pw) })
	first, err := e.svc.AdminCreateUser(e.ctx, AdminCreateUserInput{PoolID: &id, Username: ptr("lee"),
		UserAttributes: attrs("email", "lee@example.com"), DesiredDeliveryMediums: []string{"EMAIL"}})
	if err != nil {
		t.Fatal(err)
	}
	e.now = e.now.Add(time.Hour)
	again, err := e.svc.AdminCreateUser(e.ctx, AdminCreateUserInput{PoolID: &id, Username: ptr("lee"),
		MessageAction: MessageActionResend, DesiredDeliveryMediums: []string{"EMAIL"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(sent) != 2 || sent[0] == sent[1] {
		t.Fatalf("invitations %v", sent)
	}
	if !again.Private.TemporaryPasswordExpires.After(first.Private.TemporaryPasswordExpires) {
		t.Fatal("RESEND did not renew the temporary password's validity")
	}
	_, err = e.svc.AdminCreateUser(e.ctx, AdminCreateUserInput{PoolID: &id, Username: ptr("nobody"), MessageAction: MessageActionResend})
	wantCode(t, err, UserNotFound, "User does not exist.")
	if err := e.svc.AdminSetUserPassword(e.ctx, Ref(id, "lee"), ptr("Perm-Passw0rd"), true); err != nil {
		t.Fatal(err)
	}
	_, err = e.svc.AdminCreateUser(e.ctx, AdminCreateUserInput{PoolID: &id, Username: ptr("lee"), MessageAction: MessageActionResend})
	wantCode(t, err, UnsupportedUserState, "")
	_, err = e.svc.AdminCreateUser(e.ctx, AdminCreateUserInput{PoolID: &id, Username: ptr("mo"), DesiredDeliveryMediums: []string{"EMAIL"}})
	wantCode(t, err, InvalidParameter, "No email provided but desired delivery medium was Email")
}

type messengerFunc func(u *User, pw string, mediums []string)

func (f messengerFunc) SendInvitation(_ context.Context, _ *Pool, u *User, pw string, mediums []string) error {
	f(u, pw, mediums)
	return nil
}

func TestUpdateEmailRequiringVerification(t *testing.T) {
	e := newUserTestEnv(t)
	pool := e.pool(t, "us-east-1_Pending01", Pool{AliasAttributes: []string{"email"},
		UserAttributeUpdateSettings: &UserAttributeUpdateSettings{AttributesRequireVerificationBeforeUpdate: []string{"email"}}})
	id := pool.ID
	e.create(t, id, "nia", "email", "nia@old.example", "email_verified", "true")

	if err := e.svc.AdminUpdateUserAttributes(e.ctx, Ref(id, "nia"), attrs("email", "nia@new.example")); err != nil {
		t.Fatal(err)
	}
	u, _ := e.svc.AdminGetUser(e.ctx, Ref(id, "nia"))
	if u.Attributes["email"] != "nia@old.example" || u.Attributes["email_verified"] != "true" ||
		u.Private.Extra["pending_email"] != "nia@new.example" {
		t.Fatalf("after an unverified change: %v, pending %q", u.Attributes, u.Private.Extra["pending_email"])
	}
	if _, err := e.svc.FindUser(e.ctx, pool, "nia@old.example"); err != nil {
		t.Fatalf("the verified address stopped working: %v", err)
	}
	// Saying it is verified applies it at once.
	if err := e.svc.AdminUpdateUserAttributes(e.ctx, Ref(id, "nia"), attrs("email", "nia@new.example", "email_verified", "true")); err != nil {
		t.Fatal(err)
	}
	u, _ = e.svc.FindUser(e.ctx, pool, "nia@new.example")
	if u == nil || u.Attributes["email"] != "nia@new.example" {
		t.Fatalf("after a verified change: %+v", u)
	}
	if _, err := e.svc.FindUser(e.ctx, pool, "nia@old.example"); !IsCode(err, UserNotFound) {
		t.Fatalf("the old alias still resolves: %v", err)
	}
}

func TestTemporaryPasswordValidityFallsBack(t *testing.T) {
	tests := []struct {
		name string
		pool Pool
		want time.Duration
	}{
		{"policy", Pool{Policies: Policies{PasswordPolicy: PasswordPolicy{TemporaryPasswordValidityDays: 2}}}, 48 * time.Hour},
		{"legacy setting", Pool{AdminCreateUserConfig: AdminCreateUserConfig{UnusedAccountValidityDays: 5}}, 120 * time.Hour},
		{"default", Pool{}, 7 * 24 * time.Hour},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := temporaryPasswordValidity(&tt.pool); got != tt.want {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
		})
	}
}
