package store

import (
	"context"
	"time"
)

// KeyRecord is one signing key of a pool. Data is the sealed private key.
type KeyRecord struct {
	PoolID    string
	KeyID     string
	Use       string // "id" | "access"
	CreatedAt time.Time
	RetiredAt *time.Time
	Data      []byte
}

// SessionRecord is one sign-in session: the refresh token issued by a
// sign-in and every token minted from it share its OriginJTI. Only a hash
// of the refresh token is kept.
type SessionRecord struct {
	PoolID      string
	OriginJTI   string // primary key together with PoolID
	ClientID    string
	UserKey     string
	RefreshHash []byte // SHA-256 of the current refresh token; unique
	// PreviousHash is the refresh token replaced by rotation, still
	// accepted until PreviousValidUntil (the client's grace period).
	PreviousHash       []byte
	PreviousValidUntil time.Time
	DeviceKey          string
	AuthTime           time.Time
	CreatedAt          time.Time
	ExpiresAt          time.Time
	RevokedAt          *time.Time
	Data               []byte
}

// MessageRecord is one message Incognito sent (or would have sent): the
// development outbox.
type MessageRecord struct {
	ID          string
	PoolID      string
	CreatedAt   time.Time
	Medium      string // EMAIL | SMS
	Destination string
	Subject     string
	Body        string
	Kind        string // e.g. "verification", "invitation", "forgot-password"
	Username    string
}

// AuthStore holds what sign-in needs beyond users: signing keys, sessions
// and the message outbox. Backends implement it together with Store.
type AuthStore interface {
	// CreateKey adds a key; ListKeys returns a pool's keys oldest first.
	CreateKey(ctx context.Context, k KeyRecord) error
	ListKeys(ctx context.Context, poolID string) ([]KeyRecord, error)
	UpdateKey(ctx context.Context, poolID, keyID string, update func(KeyRecord) (KeyRecord, error)) error

	CreateSession(ctx context.Context, s SessionRecord) error
	GetSession(ctx context.Context, poolID, originJTI string) (SessionRecord, error)
	// GetSessionByRefreshHash finds a session by its current or previous
	// refresh-token hash.
	GetSessionByRefreshHash(ctx context.Context, hash []byte) (SessionRecord, error)
	UpdateSession(ctx context.Context, poolID, originJTI string, update func(SessionRecord) (SessionRecord, error)) error
	// RevokeUserSessions marks every live session of a user revoked at t
	// (GlobalSignOut) and returns how many it revoked.
	RevokeUserSessions(ctx context.Context, poolID, userKey string, t time.Time) (int, error)
	// DeleteExpiredSessions removes sessions expired before t.
	DeleteExpiredSessions(ctx context.Context, t time.Time) (int, error)

	CreateMessage(ctx context.Context, m MessageRecord) error
	// ListMessages is newest first; Page.After is a message ID.
	ListMessages(ctx context.Context, poolID string, page Page) ([]MessageRecord, error)
}
