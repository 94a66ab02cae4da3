package message

import (
	"context"
	"crypto/rand"
	"crypto/tls"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/mail"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/incognito-idp/incognito/internal/store"
)

// ErrDelivery marks a message that was recorded but could not be delivered
// (SMTP or SMS webhook failure). Callers map it to
// CodeDeliveryFailureException.
var ErrDelivery = errors.New("message delivery failed")

// DefaultFrom is the From address when Options.From is empty.
const DefaultFrom = "no-reply@incognito.local"

// Message is one message to send.
type Message struct {
	PoolID      string
	Kind        string // KindVerification, KindInvitation, ...
	Medium      string // MediumEmail | MediumSMS
	Destination string // email address or E.164 phone number
	Subject     string // email only
	Body        string
	Username    string
}

// Outbox keeps every message sent; store.AuthStore satisfies it.
type Outbox interface {
	CreateMessage(ctx context.Context, m store.MessageRecord) error
}

// Options configure a Sender. Every field is optional: with neither
// SMTPURL nor SMSWebhookURL, messages go only to the outbox and the log.
type Options struct {
	// SMTPURL is smtp://[user:pass@]host[:port] (STARTTLS when the server
	// offers it, port 587 by default) or smtps://... (implicit TLS, port
	// 465 by default). With a user, Incognito authenticates with PLAIN,
	// which it only does over TLS or to a loopback server.
	SMTPURL string
	// From is the From header and envelope sender, e.g.
	// "Example <no-reply@example.com>"; DefaultFrom when empty.
	From string
	// SMSWebhookURL receives a JSON POST {"to","message","poolId","kind"}
	// for every SMS.
	SMSWebhookURL string
	Outbox        Outbox
	Log           *slog.Logger     // slog.Default() when nil
	Now           func() time.Time // time.Now when nil
	HTTPClient    *http.Client     // a client with a 10 s timeout when nil
	// TLSConfig is the base TLS configuration for SMTP (e.g. RootCAs for a
	// private CA); ServerName is always set from SMTPURL.
	TLSConfig *tls.Config
}

// Sender records, logs and delivers messages. It is safe for concurrent use.
type Sender struct {
	smtp       *url.URL
	from       *mail.Address
	sms        string
	outbox     Outbox
	log        *slog.Logger
	now        func() time.Time
	httpClient *http.Client
	tlsConfig  *tls.Config

	mu     sync.Mutex
	lastMS int64
	seq    uint16
}

// New checks the options and builds a Sender.
func New(o Options) (*Sender, error) {
	s := &Sender{
		sms:        o.SMSWebhookURL,
		outbox:     o.Outbox,
		log:        o.Log,
		now:        o.Now,
		httpClient: o.HTTPClient,
		tlsConfig:  o.TLSConfig,
	}
	if s.log == nil {
		s.log = slog.Default()
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.httpClient == nil {
		s.httpClient = &http.Client{Timeout: 10 * time.Second}
	}
	from := o.From
	if from == "" {
		from = DefaultFrom
	}
	addr, err := mail.ParseAddress(from)
	if err != nil {
		return nil, fmt.Errorf("message: email from %q: %w", from, err)
	}
	s.from = addr
	if o.SMTPURL != "" {
		u, err := parseSMTPURL(o.SMTPURL)
		if err != nil {
			return nil, err
		}
		s.smtp = u
	}
	if o.SMSWebhookURL != "" {
		u, err := url.Parse(o.SMSWebhookURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, fmt.Errorf("message: SMS webhook URL %q must be an absolute http(s) URL", o.SMSWebhookURL)
		}
	}
	return s, nil
}

// Delivers reports whether messages of a medium leave Incognito (SMTP or
// the SMS webhook is configured) rather than only reaching the outbox.
func (s *Sender) Delivers(medium string) bool {
	switch medium {
	case MediumEmail:
		return s.smtp != nil
	case MediumSMS:
		return s.sms != ""
	}
	return false
}

// Send records the message in the outbox, logs it and delivers it. The
// outbox record is kept whether delivery succeeds or not. A delivery
// failure is reported as an error wrapping ErrDelivery; a failure to record
// is reported too (without ErrDelivery) after delivery has been tried.
func (s *Sender) Send(ctx context.Context, m Message) error {
	if m.Medium != MediumEmail && m.Medium != MediumSMS {
		return fmt.Errorf("message: unknown medium %q", m.Medium)
	}
	if m.Destination == "" {
		return errors.New("message: no destination")
	}
	now := s.now().UTC()
	rec := store.MessageRecord{
		ID:          s.newID(now),
		PoolID:      m.PoolID,
		CreatedAt:   now,
		Medium:      m.Medium,
		Destination: m.Destination,
		Subject:     m.Subject,
		Body:        m.Body,
		Kind:        m.Kind,
		Username:    m.Username,
	}
	var recordErr error
	if s.outbox != nil {
		if err := s.outbox.CreateMessage(ctx, rec); err != nil {
			recordErr = fmt.Errorf("message: recording %s in the outbox: %w", rec.ID, err)
			s.log.ErrorContext(ctx, "message outbox", "id", rec.ID, "err", err)
		}
	}
	via := "outbox only"
	if s.Delivers(m.Medium) {
		via = strings.ToLower(m.Medium)
	}
	s.log.InfoContext(ctx, "message",
		"id", rec.ID, "pool", m.PoolID, "kind", m.Kind, "medium", m.Medium,
		"to", Mask(m.Medium, m.Destination), "username", m.Username,
		"subject", m.Subject, "body", m.Body, "delivery", via)

	var err error
	switch {
	case m.Medium == MediumEmail && s.smtp != nil:
		err = s.sendEmail(ctx, rec.ID, m, now)
	case m.Medium == MediumSMS && s.sms != "":
		err = s.sendSMS(ctx, m)
	}
	if err != nil {
		s.log.WarnContext(ctx, "message delivery failed", "id", rec.ID, "medium", m.Medium,
			"to", Mask(m.Medium, m.Destination), "err", err)
		err = fmt.Errorf("%w: %s to %s: %w", ErrDelivery, strings.ToLower(m.Medium), Mask(m.Medium, m.Destination), err)
	}
	return errors.Join(err, recordErr)
}

// newID returns a time-sortable unique ID: 13 digits of Unix milliseconds,
// a per-process sequence that keeps IDs of the same millisecond in order,
// and random hex that keeps replicas apart.
func (s *Sender) newID(t time.Time) string {
	ms := t.UnixMilli()
	s.mu.Lock()
	if ms <= s.lastMS {
		ms = s.lastMS
		s.seq++
		if s.seq == 0 { // 65536 messages in one millisecond: borrow the next
			ms++
		}
	} else {
		s.seq = 0
	}
	s.lastMS = ms
	seq := s.seq
	s.mu.Unlock()
	var r [6]byte
	_, _ = rand.Read(r[:])
	return fmt.Sprintf("%013d-%04x-%s", ms, seq, hex.EncodeToString(r[:]))
}
