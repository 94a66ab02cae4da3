package postgres

import (
	"errors"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/incognito-idp/incognito/internal/store"
)

// The store.AuthStore methods live in keys.go, sessions.go and messages.go.
var _ store.AuthStore = (*Store)(nil)

// uniqueViolation is PostgreSQL's error code for a write refused by a
// primary key or unique index.
const uniqueViolation = "23505"

// wrapUnique maps a unique violation to store.ErrAlreadyExists and wraps
// any other error as wrap does.
func wrapUnique(err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == uniqueViolation {
		return store.ErrAlreadyExists
	}
	return wrap(err)
}

// optUTC normalises an optional timestamp read from a timestamptz column.
func optUTC(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}

// zeroNull stores a timestamp whose zero value means unset as NULL.
func zeroNull(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

// nullBytes stores an empty byte slice as NULL, so that an unset hash
// never matches a lookup.
func nullBytes(b []byte) []byte {
	if len(b) == 0 {
		return nil
	}
	return b
}
