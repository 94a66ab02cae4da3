package authflow

import (
	"crypto/rand"
	"io"
	"log/slog"
	"sync"
	"time"

	"github.com/incognito-idp/incognito/internal/store"
	"github.com/incognito-idp/incognito/internal/userpool"
)

// Sealer seals state into opaque strings (secret.Sealer implements it).
type Sealer interface {
	Seal(plaintext, associatedData []byte) []byte
	Open(sealed, associatedData []byte) ([]byte, error)
}

// Options build a Service. Time and randomness are injected.
type Options struct {
	Pools  *userpool.Service
	Store  store.AuthStore
	Sealer Sealer // for challenge sessions and SECRET_BLOCK
	// KeySealer seals signing keys at rest.
	KeySealer Sealer
	// Issuer returns the iss of a pool's tokens.
	Issuer func(poolID string) string
	// DecoyKey keys the decoy SRP salts shown for unknown users when a
	// client prevents user-existence errors, so they are stable per name
	// and cannot be told from real ones.
	DecoyKey []byte
	Now      func() time.Time
	Rand     io.Reader
	Log      *slog.Logger
}

// Service runs sign-in flows and issues tokens.
type Service struct {
	pools     *userpool.Service
	store     store.AuthStore
	sealer    Sealer
	keySealer Sealer
	issuer    func(string) string
	decoyKey  []byte
	now       func() time.Time
	rand      io.Reader
	log       *slog.Logger

	keysMu   sync.Mutex
	keys     map[string]*poolKeys
	keyLoads map[string]*sync.Mutex
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
		pools: o.Pools, store: o.Store, sealer: o.Sealer, keySealer: o.KeySealer,
		issuer: o.Issuer, decoyKey: o.DecoyKey, now: func() time.Time { return o.Now().UTC() }, rand: o.Rand, log: o.Log,
		keys: map[string]*poolKeys{},
	}
}
