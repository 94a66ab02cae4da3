package sqlite

import (
	"context"
	"database/sql"

	"github.com/incognito-idp/incognito/internal/store"
)

// Both lists walk messages_by_pool backwards: newest (greatest ID) first.
const (
	messageColumns        = "id, pool_id, created_at, medium, destination, subject, body, kind, username"
	listMessagesSQL       = "SELECT " + messageColumns + " FROM messages WHERE pool_id = ? ORDER BY id DESC LIMIT ?"
	listMessagesBeforeSQL = "SELECT " + messageColumns + " FROM messages WHERE pool_id = ? AND id < ? ORDER BY id DESC LIMIT ?"
)

func scanMessage(sc scanner) (store.MessageRecord, error) {
	var m store.MessageRecord
	var created int64
	err := sc.Scan(&m.ID, &m.PoolID, &created, &m.Medium, &m.Destination, &m.Subject, &m.Body, &m.Kind, &m.Username)
	if err != nil {
		return m, err
	}
	m.CreatedAt = fromMicros(created)
	return m, nil
}

func (s *Store) CreateMessage(ctx context.Context, m store.MessageRecord) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := exists(ctx, tx, poolExists, m.PoolID); err != nil {
			return err
		}
		return created(tx.ExecContext(ctx,
			"INSERT INTO messages ("+messageColumns+") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
			m.ID, m.PoolID, micros(m.CreatedAt), m.Medium, m.Destination, m.Subject, m.Body, m.Kind, m.Username))
	})
}

// ListMessages is newest first: Page.After is the last ID of the previous
// page, and this page holds the messages with smaller IDs.
func (s *Store) ListMessages(ctx context.Context, poolID string, page store.Page) ([]store.MessageRecord, error) {
	if page.After == "" {
		return listIn(ctx, s.r, poolExists, []any{poolID}, scanMessage, listMessagesSQL, poolID, limit(page))
	}
	return listIn(ctx, s.r, poolExists, []any{poolID}, scanMessage, listMessagesBeforeSQL, poolID, page.After, limit(page))
}
