package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/incognito-idp/incognito/internal/store"
)

// Both lists walk messages_by_pool backwards: newest (greatest ID) first.
const (
	messageColumns        = "id, pool_id, created_at, medium, destination, subject, body, kind, username"
	listMessagesSQL       = "SELECT " + messageColumns + " FROM messages WHERE pool_id = $1 ORDER BY id DESC LIMIT $2"
	listMessagesBeforeSQL = "SELECT " + messageColumns + " FROM messages WHERE pool_id = $1 AND id < $2 ORDER BY id DESC LIMIT $3"
)

func scanMessage(row pgx.Row) (store.MessageRecord, error) {
	var m store.MessageRecord
	err := row.Scan(&m.ID, &m.PoolID, &m.CreatedAt, &m.Medium, &m.Destination, &m.Subject, &m.Body, &m.Kind, &m.Username)
	utc(&m.CreatedAt)
	return m, err
}

// CreateMessage answers store.ErrNotFound for a missing pool through the
// foreign key, in one statement.
func (s *Store) CreateMessage(ctx context.Context, m store.MessageRecord) error {
	return created(s.pool.Exec(ctx,
		"INSERT INTO messages ("+messageColumns+") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING",
		m.ID, m.PoolID, m.CreatedAt, m.Medium, m.Destination, m.Subject, m.Body, m.Kind, m.Username))
}

// ListMessages is newest first: Page.After is the last ID of the previous
// page, and this page holds the messages with smaller IDs.
func (s *Store) ListMessages(ctx context.Context, poolID string, page store.Page) ([]store.MessageRecord, error) {
	if page.After == "" {
		return listIn(ctx, s.pool, poolExists, []any{poolID}, scanMessage, listMessagesSQL, poolID, limit(page))
	}
	return listIn(ctx, s.pool, poolExists, []any{poolID}, scanMessage, listMessagesBeforeSQL, poolID, page.After, limit(page))
}
