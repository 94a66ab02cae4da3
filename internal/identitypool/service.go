package identitypool

import (
	"context"
	"crypto/rand"
	"io"
	"log/slog"
	"sync"
	"time"

	"github.com/incognito-idp/incognito/internal/awscreds"
	"github.com/incognito-idp/incognito/internal/store"
)

// Sealer seals the OpenID signing keys at rest (secret.Sealer implements it).
type Sealer interface {
	Seal(plaintext, associatedData []byte) []byte
	Open(sealed, associatedData []byte) ([]byte, error)
}

// IDTokens verifies user-pool ID tokens presented as logins; authflow
// implements it. VerifyIDToken's refusals wrap token.ErrExpired or another
// token error; anything else is internal.
type IDTokens interface {
	VerifyIDToken(ctx context.Context, poolID, raw string) (map[string]any, error)
	SessionLive(ctx context.Context, poolID, originJTI string) (bool, error)
}

// Vendor issues temporary AWS credentials; awscreds.Vendor implements it.
type Vendor interface {
	Issue(ctx context.Context, p awscreds.Principal, d time.Duration) (awscreds.Credentials, awscreds.Principal, error)
}

// Options build a Service. Time and randomness are injected.
type Options struct {
	Store    store.IdentityStore
	Sealer   Sealer
	Vendor   Vendor
	IDTokens IDTokens
	// Region and AccountID go into IDs and ARNs.
	Region    string
	AccountID string
	// Issuer is the iss of the pools' OpenID tokens:
	// "<public-url>/cognito-identity" or "https://cognito-identity.amazonaws.com".
	Issuer string
	// UserPoolIssuer is the iss of a user pool's tokens; a login keyed by
	// it without its scheme names the same provider as
	// "cognito-idp.<region>.amazonaws.com/<poolId>".
	UserPoolIssuer func(poolID string) string
	Now            func() time.Time
	Rand           io.Reader
	Log            *slog.Logger
}

// Service implements the identity-pool operations on top of a Store.
type Service struct {
	store          store.IdentityStore
	sealer         Sealer
	vendor         Vendor
	idTokens       IDTokens
	region         string
	accountID      string
	issuer         string
	userPoolIssuer func(string) string
	now            func() time.Time
	rand           io.Reader
	log            *slog.Logger

	keysMu sync.Mutex
	keys   *cachedKeys
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
	return &Service{
		store: o.Store, sealer: o.Sealer, vendor: o.Vendor, idTokens: o.IDTokens,
		region: o.Region, accountID: o.AccountID, issuer: o.Issuer, userPoolIssuer: o.UserPoolIssuer,
		now: func() time.Time { return o.Now().UTC() }, rand: o.Rand, log: o.Log,
	}
}

// Issuer is the iss of the identity pools' OpenID tokens.
func (s *Service) Issuer() string { return s.issuer }
