package message

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"net/http/httptest"
	"net/mail"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/incognito-idp/incognito/internal/store"
)

// memOutbox is an in-memory Outbox (the store backends' CreateMessage is
// tested with the stores).
type memOutbox struct {
	mu   sync.Mutex
	msgs []store.MessageRecord
	err  error
}

func (o *memOutbox) CreateMessage(_ context.Context, m store.MessageRecord) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.err != nil {
		return o.err
	}
	o.msgs = append(o.msgs, m)
	return nil
}

func (o *memOutbox) all() []store.MessageRecord {
	o.mu.Lock()
	defer o.mu.Unlock()
	return slices.Clone(o.msgs)
}

var testNow = time.Date(2026, 3, 14, 15, 9, 26, 535_000_000, time.FixedZone("CET", 3600))

func newSender(t *testing.T, o Options) (*Sender, *memOutbox, *bytes.Buffer) {
	t.Helper()
	out := &memOutbox{}
	var logs bytes.Buffer
	if o.Outbox == nil {
		o.Outbox = out
	}
	o.Log = slog.New(slog.NewTextHandler(&logs, nil))
	if o.Now == nil {
		o.Now = func() time.Time { return testNow }
	}
	s, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	return s, out, &logs
}

// wantRecorded checks the outbox holds exactly m.
func wantRecorded(t *testing.T, out *memOutbox, m Message) store.MessageRecord {
	t.Helper()
	msgs := out.all()
	if len(msgs) != 1 {
		t.Fatalf("outbox has %d messages, want 1: %+v", len(msgs), msgs)
	}
	r := msgs[0]
	want := store.MessageRecord{ID: r.ID, PoolID: m.PoolID, CreatedAt: testNow.UTC(), Medium: m.Medium,
		Destination: m.Destination, Subject: m.Subject, Body: m.Body, Kind: m.Kind, Username: m.Username}
	if r != want {
		t.Errorf("outbox record = %+v\nwant %+v", r, want)
	}
	if !regexp.MustCompile(`^\d{13}-[0-9a-f]{4}-[0-9a-f]{12}$`).MatchString(r.ID) || !strings.HasPrefix(r.ID, "1773497366535-") {
		t.Errorf("outbox ID %q is not <unix ms>-<seq>-<random>", r.ID)
	}
	return r
}

func TestSendEmailOverSMTP(t *testing.T) {
	srv := startSMTPServer(t, smtpServerOptions{})
	s, out, _ := newSender(t, Options{SMTPURL: "smtp://" + srv.Addr, From: "Incognito Tests <no-reply@example.com>"})
	if !s.Delivers(MediumEmail) || s.Delivers(MediumSMS) {
		t.Fatalf("Delivers(EMAIL, SMS) = %v, %v; want true, false", s.Delivers(MediumEmail), s.Delivers(MediumSMS))
	}
	long := strings.Repeat("0123456789", 20)
	m := Message{
		PoolID: "eu-west-1_Test", Kind: KindVerification, Medium: MediumEmail, Username: "alice",
		Destination: "alice@example.com",
		Subject:     "Vérifiez votre adresse ✉",
		Body:        "Your verification code is 123456.\n.\n..two dots\nÉtape 2 — fini\n" + long,
	}
	if err := s.Send(context.Background(), m); err != nil {
		t.Fatalf("Send: %v", err)
	}
	rec := wantRecorded(t, out, m)

	got := srv.messages(t)
	if len(got) != 1 {
		t.Fatalf("server received %d messages, want 1", len(got))
	}
	r := got[0]
	if r.MailFrom != "no-reply@example.com" || !slices.Equal(r.RcptTos, []string{"alice@example.com"}) {
		t.Errorf("envelope = %q -> %q", r.MailFrom, r.RcptTos)
	}
	if r.TLS || r.Login != nil {
		t.Errorf("tls = %v, login = %v; want a plain, anonymous session", r.TLS, r.Login)
	}
	p := parseMail(t, r.Data)
	if from, err := mail.ParseAddress(p.Header.Get("From")); err != nil || from.Name != "Incognito Tests" || from.Address != "no-reply@example.com" {
		t.Errorf("From = %q (%v)", p.Header.Get("From"), err)
	}
	if to, err := mail.ParseAddress(p.Header.Get("To")); err != nil || to.Address != "alice@example.com" {
		t.Errorf("To = %q (%v)", p.Header.Get("To"), err)
	}
	if raw := p.Header.Get("Subject"); !strings.HasPrefix(raw, "=?UTF-8?q?") {
		t.Errorf("raw Subject = %q, want RFC 2047 encoded words", raw)
	}
	if p.Subject != m.Subject {
		t.Errorf("Subject = %q, want %q", p.Subject, m.Subject)
	}
	if date, err := p.Header.Date(); err != nil || !date.Equal(testNow.Truncate(time.Second)) {
		t.Errorf("Date = %q (%v), want %v", p.Header.Get("Date"), err, testNow)
	}
	if id := p.Header.Get("Message-ID"); !regexp.MustCompile(`^<` + regexp.QuoteMeta(rec.ID) + `\.[0-9a-f]{16}@example\.com>$`).MatchString(id) {
		t.Errorf("Message-ID = %q", id)
	}
	if ct := p.Header.Get("Content-Type"); ct != "text/plain; charset=UTF-8" {
		t.Errorf("Content-Type = %q", ct)
	}
	if v := p.Header.Get("MIME-Version"); v != "1.0" {
		t.Errorf("MIME-Version = %q", v)
	}
	if want := m.Body + "\n"; p.Body != want {
		t.Errorf("body = %q\nwant %q", p.Body, want)
	}
	for _, line := range strings.Split(r.Data, "\n") {
		if len(line) > 78 {
			t.Errorf("line longer than 78 characters: %q", line)
		}
	}
}

func TestSendEmailHTML(t *testing.T) {
	srv := startSMTPServer(t, smtpServerOptions{})
	s, _, _ := newSender(t, Options{SMTPURL: "smtp://" + srv.Addr})
	c, err := Render(Templates{DefaultEmailOption: ConfirmWithLink}, KindVerification, MediumEmail,
		Params{Code: "654321", Username: "bob", PublicURL: "http://localhost:8080", ClientID: "client1"})
	if err != nil {
		t.Fatal(err)
	}
	m := Message{Kind: KindVerification, Medium: MediumEmail, Destination: "bob@example.com", Subject: c.Subject, Body: c.Body}
	if err := s.Send(context.Background(), m); err != nil {
		t.Fatal(err)
	}
	got := srv.messages(t)
	if len(got) != 1 {
		t.Fatalf("server received %d messages", len(got))
	}
	p := parseMail(t, got[0].Data)
	if ct := p.Header.Get("Content-Type"); ct != "text/html; charset=UTF-8" {
		t.Errorf("Content-Type = %q", ct)
	}
	if from := p.Header.Get("From"); from != "<no-reply@incognito.local>" {
		t.Errorf("default From = %q", from)
	}
	wantLink := `href="http://localhost:8080/confirmUser?client_id=client1&amp;user_name=bob&amp;confirmation_code=654321"`
	if !strings.Contains(p.Body, wantLink) || p.Subject != "Your verification link" {
		t.Errorf("subject %q, body %q; want the link %s", p.Subject, p.Body, wantLink)
	}
}

func TestSendEmailSTARTTLSAndAuth(t *testing.T) {
	certFile, keyFile, trust := testCert(t)
	srv := startSMTPServer(t, smtpServerOptions{User: "incognito", Password: "s3cret p@ss:/", TLSCert: certFile, TLSKey: keyFile})
	smtpURL := func(user *url.Userinfo) string {
		return (&url.URL{Scheme: "smtp", User: user, Host: srv.Addr}).String()
	}
	m := Message{PoolID: "p", Kind: KindInvitation, Medium: MediumEmail, Destination: "carol@example.com",
		Subject: "Your temporary password", Body: "Your username is carol and temporary password is Tmp-1234. ", Username: "carol"}

	t.Run("right credentials", func(t *testing.T) {
		s, out, _ := newSender(t, Options{SMTPURL: smtpURL(url.UserPassword("incognito", "s3cret p@ss:/")), TLSConfig: trust})
		if err := s.Send(context.Background(), m); err != nil {
			t.Fatalf("Send: %v", err)
		}
		wantRecorded(t, out, m)
		got := srv.messages(t)
		if len(got) != 1 {
			t.Fatalf("server received %d messages, want 1", len(got))
		}
		if !got[0].TLS || !got[0].StartTLS {
			t.Errorf("tls = %v, starttls = %v; want the session upgraded by STARTTLS", got[0].TLS, got[0].StartTLS)
		}
		if got[0].Login == nil || *got[0].Login != "incognito" {
			t.Errorf("login = %v, want incognito", got[0].Login)
		}
		if p := parseMail(t, got[0].Data); p.Body != m.Body+"\n" {
			t.Errorf("body = %q", p.Body)
		}
	})

	failures := []struct {
		name string
		opts Options
		want string
	}{
		{"wrong password", Options{SMTPURL: smtpURL(url.UserPassword("incognito", "wrong")), TLSConfig: trust}, "535"},
		{"no credentials", Options{SMTPURL: smtpURL(nil), TLSConfig: trust}, "530"},
		{"untrusted certificate", Options{SMTPURL: smtpURL(url.UserPassword("incognito", "s3cret p@ss:/"))}, "certificate"},
	}
	for _, tt := range failures {
		t.Run(tt.name, func(t *testing.T) {
			before := len(srv.messages(t))
			s, out, logs := newSender(t, tt.opts)
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			err := s.Send(ctx, m)
			if !errors.Is(err, ErrDelivery) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Send error = %v, want ErrDelivery mentioning %q", err, tt.want)
			}
			wantRecorded(t, out, m)
			if n := len(srv.messages(t)); n != before {
				t.Errorf("server received a message although delivery failed")
			}
			if !strings.Contains(logs.String(), "message delivery failed") {
				t.Errorf("log does not report the failure:\n%s", logs)
			}
		})
	}
}

func TestSendEmailImplicitTLS(t *testing.T) {
	certFile, keyFile, trust := testCert(t)
	srv := startSMTPServer(t, smtpServerOptions{SMTPSCert: certFile, SMTPSKey: keyFile})
	s, out, _ := newSender(t, Options{SMTPURL: "smtps://" + srv.Addr, TLSConfig: trust})
	m := Message{Kind: KindForgotPassword, Medium: MediumEmail, Destination: "dave@example.com", Subject: "Reset", Body: "Code 111222"}
	if err := s.Send(context.Background(), m); err != nil {
		t.Fatalf("Send: %v", err)
	}
	wantRecorded(t, out, m)
	got := srv.messages(t)
	if len(got) != 1 || !got[0].TLS || got[0].StartTLS {
		t.Fatalf("received %+v; want one message over implicit TLS", got)
	}

	// The same server over smtp:// speaks TLS to a plain client: delivery fails.
	plain, out2, _ := newSender(t, Options{SMTPURL: "smtp://" + srv.Addr, TLSConfig: trust})
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if err := plain.Send(ctx, m); !errors.Is(err, ErrDelivery) {
		t.Errorf("smtp:// to an SMTPS port: err = %v, want ErrDelivery", err)
	}
	wantRecorded(t, out2, m)
}

func TestSendEmailConnectionRefused(t *testing.T) {
	addr := freeAddr(t) // nothing listens there
	s, out, _ := newSender(t, Options{SMTPURL: "smtp://" + addr})
	m := Message{PoolID: "p", Kind: KindVerification, Medium: MediumEmail, Destination: "erin@example.com", Subject: "S", Body: "Code 999000"}
	err := s.Send(context.Background(), m)
	if !errors.Is(err, ErrDelivery) || !strings.Contains(err.Error(), "refused") {
		t.Fatalf("Send error = %v, want ErrDelivery (connection refused)", err)
	}
	if strings.Contains(err.Error(), "erin@example.com") || !strings.Contains(err.Error(), "e***@e***") {
		t.Errorf("error %q should name the masked destination only", err)
	}
	wantRecorded(t, out, m)
}

func TestSendEmailInvalidAddress(t *testing.T) {
	s, out, _ := newSender(t, Options{SMTPURL: "smtp://" + freeAddr(t)})
	m := Message{Kind: KindVerification, Medium: MediumEmail, Destination: "x@example.com\r\nBcc: y@example.com", Body: "Code 1"}
	if err := s.Send(context.Background(), m); !errors.Is(err, ErrDelivery) || !strings.Contains(err.Error(), "invalid email address") {
		t.Fatalf("Send error = %v, want ErrDelivery for an invalid address", err)
	}
	wantRecorded(t, out, m)
}

func TestSendSMSWebhook(t *testing.T) {
	type call struct {
		method, contentType string
		body                map[string]any
	}
	var (
		mu     sync.Mutex
		calls  []call
		status = http.StatusNoContent
	)
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		var body map[string]any
		if err := json.Unmarshal(b, &body); err != nil {
			t.Errorf("webhook body %q: %v", b, err)
		}
		mu.Lock()
		calls = append(calls, call{r.Method, r.Header.Get("Content-Type"), body})
		st := status
		mu.Unlock()
		w.WriteHeader(st)
	}))
	defer hook.Close()

	s, out, _ := newSender(t, Options{SMSWebhookURL: hook.URL + "/sms"})
	if !s.Delivers(MediumSMS) || s.Delivers(MediumEmail) {
		t.Fatal("Delivers should be true for SMS only")
	}
	m := Message{PoolID: "eu-west-1_Test", Kind: KindVerification, Medium: MediumSMS, Destination: "+15555550100",
		Body: "Your verification code is 123456. ", Username: "frank"}
	if err := s.Send(context.Background(), m); err != nil {
		t.Fatalf("Send: %v", err)
	}
	wantRecorded(t, out, m)
	mu.Lock()
	if len(calls) != 1 {
		t.Fatalf("webhook called %d times", len(calls))
	}
	c := calls[0]
	want := map[string]any{"to": "+15555550100", "message": "Your verification code is 123456. ", "poolId": "eu-west-1_Test", "kind": "verification"}
	if c.method != http.MethodPost || c.contentType != "application/json" || !mapsEqual(c.body, want) {
		t.Errorf("webhook got %s %s %v\nwant POST application/json %v", c.method, c.contentType, c.body, want)
	}
	status = http.StatusServiceUnavailable
	mu.Unlock()

	s2, out2, _ := newSender(t, Options{SMSWebhookURL: hook.URL})
	err := s2.Send(context.Background(), m)
	if !errors.Is(err, ErrDelivery) || !strings.Contains(err.Error(), "503") || !strings.Contains(err.Error(), "+*******0100") {
		t.Fatalf("Send to a failing webhook: err = %v, want ErrDelivery with 503 and the masked number", err)
	}
	wantRecorded(t, out2, m)
}

func mapsEqual(a, b map[string]any) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestSendOutboxOnly(t *testing.T) {
	s, out, logs := newSender(t, Options{})
	if s.Delivers(MediumEmail) || s.Delivers(MediumSMS) {
		t.Fatal("nothing is configured, Delivers should be false")
	}
	for _, m := range []Message{
		{PoolID: "p", Kind: KindForgotPassword, Medium: MediumEmail, Destination: "grace@example.com", Subject: "Your verification code", Body: "Your verification code is 424242. ", Username: "grace"},
		{PoolID: "p", Kind: KindAuthentication, Medium: MediumSMS, Destination: "+447700900123", Body: "Your authentication code is 777888. ", Username: "grace"},
	} {
		if err := s.Send(context.Background(), m); err != nil {
			t.Fatalf("Send: %v", err)
		}
	}
	if n := len(out.all()); n != 2 {
		t.Fatalf("outbox has %d messages, want 2", n)
	}
	log := logs.String()
	for _, want := range []string{"level=INFO", "424242", "777888", "g***@e***", "+********0123", "kind=forgot-password", "medium=SMS", `delivery="outbox only"`} {
		if !strings.Contains(log, want) {
			t.Errorf("log lacks %q:\n%s", want, log)
		}
	}
	for _, leak := range []string{"grace@example.com", "+447700900123"} {
		if strings.Contains(log, leak) {
			t.Errorf("log shows the unmasked destination %q:\n%s", leak, log)
		}
	}
}

func TestSendOutboxFailure(t *testing.T) {
	var hits int
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits++ }))
	defer hook.Close()
	broken := &memOutbox{err: errors.New("database is down")}
	s, _, _ := newSender(t, Options{SMSWebhookURL: hook.URL, Outbox: broken})
	err := s.Send(context.Background(), Message{Kind: KindVerification, Medium: MediumSMS, Destination: "+15555550100", Body: "b"})
	if err == nil || errors.Is(err, ErrDelivery) || !strings.Contains(err.Error(), "database is down") {
		t.Fatalf("err = %v, want the outbox error and no ErrDelivery", err)
	}
	if hits != 1 {
		t.Errorf("webhook called %d times; the SMS must still be delivered", hits)
	}
}

func TestSendRejects(t *testing.T) {
	s, out, _ := newSender(t, Options{})
	for _, m := range []Message{
		{Medium: "FAX", Destination: "x"},
		{Medium: MediumEmail},
	} {
		if err := s.Send(context.Background(), m); err == nil {
			t.Errorf("Send(%+v) succeeded", m)
		}
	}
	if n := len(out.all()); n != 0 {
		t.Errorf("outbox has %d messages, want 0", n)
	}
}

func TestNew(t *testing.T) {
	tests := []struct {
		name string
		o    Options
		want string // error text; "" for success
	}{
		{"nothing", Options{}, ""},
		{"smtp", Options{SMTPURL: "smtp://user:pass@mail.example.com"}, ""},
		{"smtps", Options{SMTPURL: "smtps://mail.example.com:2465"}, ""},
		{"http scheme", Options{SMTPURL: "http://mail.example.com"}, "must be smtp://"},
		{"no host", Options{SMTPURL: "smtp://"}, "no host"},
		{"bad from", Options{From: "no address here"}, "email from"},
		{"named from", Options{From: "Example <no-reply@example.com>"}, ""},
		{"sms webhook", Options{SMSWebhookURL: "https://sms.example.com/send"}, ""},
		{"relative sms webhook", Options{SMSWebhookURL: "/send"}, "absolute http(s) URL"},
		{"ftp sms webhook", Options{SMSWebhookURL: "ftp://sms.example.com"}, "absolute http(s) URL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(tt.o)
			if tt.want == "" && err != nil {
				t.Fatalf("New: %v", err)
			}
			if tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)) {
				t.Fatalf("New error = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestSMTPURLDefaultPorts(t *testing.T) {
	for in, want := range map[string]string{
		"smtp://mail.example.com":      "mail.example.com:587",
		"smtps://mail.example.com":     "mail.example.com:465",
		"smtp://mail.example.com:25":   "mail.example.com:25",
		"smtp://[::1]":                 "[::1]:587",
		"smtps://u:p@mail.example.com": "mail.example.com:465",
	} {
		u, err := parseSMTPURL(in)
		if err != nil || u.Host != want {
			t.Errorf("parseSMTPURL(%q) host = %v (%v), want %s", in, u, err, want)
		}
	}
}

func TestIDsAreTimeSortable(t *testing.T) {
	clock := testNow
	s, err := New(Options{Now: func() time.Time { return clock }})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for i := range 2000 {
		switch {
		case i%500 == 499:
			clock = clock.Add(-time.Second) // a clock stepping back keeps order
		case i%100 == 99:
			clock = clock.Add(time.Millisecond)
		}
		ids = append(ids, s.newID(clock))
	}
	if !slices.IsSorted(ids) {
		t.Error("IDs are not in creation order")
	}
	if len(slices.Compact(slices.Clone(ids))) != len(ids) {
		t.Error("IDs repeat")
	}
	one, _ := New(Options{})
	other, _ := New(Options{})
	if a, b := one.newID(testNow), other.newID(testNow); a[:13] != b[:13] || a == b {
		t.Errorf("two senders at the same instant: %q and %q; want the same time prefix and different IDs", a, b)
	}
}

func TestEncodeSubject(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Your verification code", "Your verification code"},
		{"Line\r\nBcc: x@example.com", "Line Bcc: x@example.com"},
		{"Café", "=?UTF-8?q?Caf=C3=A9?="},
	}
	for _, tt := range tests {
		if got := encodeSubject(tt.in); got != tt.want {
			t.Errorf("encodeSubject(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	long := strings.Repeat("Vérifiez ✓ ", 14) // 140 characters, most bytes encoded
	enc := encodeSubject(long)
	for _, line := range strings.Split(enc, "\r\n") {
		if len(line) > 78 {
			t.Errorf("folded subject line of %d characters: %q", len(line), line)
		}
	}
	dec, err := new(mime.WordDecoder).DecodeHeader(strings.ReplaceAll(enc, "\r\n", ""))
	if err != nil || dec != long {
		t.Errorf("decoded %q (%v), want %q", dec, err, long)
	}
}
