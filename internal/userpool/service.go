package userpool

import (
	"crypto/rand"
	"io"
	"log/slog"
	"time"

	"github.com/incognito-idp/incognito/internal/store"
)

// Sealer seals private user state (SRP verifiers, ...) at rest. It is
// implemented by secret.Sealer.
type Sealer interface {
	Seal(plaintext, associatedData []byte) []byte
	Open(sealed, associatedData []byte) ([]byte, error)
}

// Options are what a Service is built from. Time and randomness are
// injected so tests can control them.
type Options struct {
	Store     store.Store
	Sealer    Sealer
	Region    string // e.g. "us-east-1"; pool IDs are "<region>_<9 alnum>"
	AccountID string // 12 digits, used in ARNs
	Now       func() time.Time
	Rand      io.Reader
	Log       *slog.Logger
	// Messenger delivers invitations (AdminCreateUser); nil sends none.
	Messenger Messenger
	// Sender delivers codes and, when Messenger is nil, invitations
	// (message.Sender implements it); nil sends nothing.
	Sender MessageSender
	// PublicURL is Incognito's public URL, for confirmation links.
	PublicURL string
}

// Service implements the user-pool operations on top of a Store.
type Service struct {
	store     store.Store
	sealer    Sealer
	region    string
	accountID string
	now       func() time.Time
	rand      io.Reader
	log       *slog.Logger
	messenger Messenger
	sender    MessageSender
	publicURL string
	poolCache poolCache // decoded pools, keyed on their stored rows
}

// New builds a Service.
func New(o Options) *Service {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Rand == nil {
		o.Rand = rand.Reader
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	s := &Service{
		store: o.Store, sealer: o.Sealer, region: o.Region, accountID: o.AccountID,
		now: func() time.Time { return o.Now().UTC() }, rand: o.Rand, log: o.Log,
		messenger: o.Messenger, sender: o.Sender, publicURL: o.PublicURL,
	}
	if s.messenger == nil && s.sender != nil {
		s.messenger = invitationMessenger{s}
	}
	return s
}
