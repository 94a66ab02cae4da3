package sqlite

import (
	"database/sql"
	"errors"
	"time"

	sqlite3 "modernc.org/sqlite"

	"github.com/incognito-idp/incognito/internal/store"
)

// The store.AuthStore methods live in keys.go, sessions.go and messages.go.
var _ store.AuthStore = (*Store)(nil)

// SQLite's extended result codes for a violated uniqueness constraint.
const (
	constraintPrimaryKey = 1555 // SQLITE_CONSTRAINT_PRIMARYKEY
	constraintUnique     = 2067 // SQLITE_CONSTRAINT_UNIQUE
)

// uniqueViolation reports whether err is a write refused by a primary key
// or unique index.
func uniqueViolation(err error) bool {
	var e *sqlite3.Error
	return errors.As(err, &e) && (e.Code() == constraintUnique || e.Code() == constraintPrimaryKey)
}

// optMicros stores an optional timestamp: nil is NULL.
func optMicros(t *time.Time) sql.NullInt64 {
	if t == nil {
		return sql.NullInt64{}
	}
	return sql.NullInt64{Int64: micros(*t), Valid: true}
}

func fromOptMicros(v sql.NullInt64) *time.Time {
	if !v.Valid {
		return nil
	}
	t := fromMicros(v.Int64)
	return &t
}

// zeroMicros stores a timestamp whose zero value means unset as NULL.
func zeroMicros(t time.Time) sql.NullInt64 {
	if t.IsZero() {
		return sql.NullInt64{}
	}
	return sql.NullInt64{Int64: micros(t), Valid: true}
}

func fromZeroMicros(v sql.NullInt64) time.Time {
	if !v.Valid {
		return time.Time{}
	}
	return fromMicros(v.Int64)
}

// nullBlob stores an empty byte slice as NULL (the driver would bind an
// empty blob), so that an unset hash never matches a lookup.
func nullBlob(b []byte) any {
	if len(b) == 0 {
		return nil
	}
	return b
}
