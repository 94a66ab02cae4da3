package sqlite

import (
	"context"
	"database/sql"

	"github.com/incognito-idp/incognito/internal/store"
)

const (
	clientColumns = "pool_id, client_id, name, data, created_at, updated_at"
	getClientSQL  = "SELECT " + clientColumns + " FROM clients WHERE client_id = ?"
	listClientSQL = "SELECT " + clientColumns + " FROM clients WHERE pool_id = ? AND client_id > ? ORDER BY client_id LIMIT ?"
)

func scanClient(sc scanner) (store.ClientRecord, error) {
	var c store.ClientRecord
	var created, updated int64
	if err := sc.Scan(&c.PoolID, &c.ClientID, &c.Name, &c.Data, &created, &updated); err != nil {
		return c, err
	}
	c.CreatedAt, c.UpdatedAt = fromMicros(created), fromMicros(updated)
	return c, nil
}

func (s *Store) CreateClient(ctx context.Context, c store.ClientRecord) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := exists(ctx, tx, poolExists, c.PoolID); err != nil {
			return err
		}
		return created(tx.ExecContext(ctx,
			"INSERT INTO clients ("+clientColumns+") VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
			c.PoolID, c.ClientID, c.Name, c.Data, micros(c.CreatedAt), micros(c.UpdatedAt)))
	})
}

func (s *Store) GetClient(ctx context.Context, clientID string) (store.ClientRecord, error) {
	c, err := scanClient(s.r.QueryRowContext(ctx, getClientSQL, clientID))
	if err != nil {
		return store.ClientRecord{}, notFound(err)
	}
	return c, nil
}

func (s *Store) ListClients(ctx context.Context, poolID string, page store.Page) ([]store.ClientRecord, error) {
	return listIn(ctx, s.r, poolExists, []any{poolID},
		scanClient, listClientSQL, poolID, page.After, limit(page))
}

// UpdateClient keeps the client's ClientID and PoolID whatever update returns.
func (s *Store) UpdateClient(ctx context.Context, clientID string, update func(store.ClientRecord) (store.ClientRecord, error)) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		old, err := scanClient(tx.QueryRowContext(ctx, getClientSQL, clientID))
		if err != nil {
			return notFound(err)
		}
		c, err := update(old)
		if err != nil {
			return err
		}
		return affected(tx.ExecContext(ctx,
			"UPDATE clients SET name = ?, data = ?, created_at = ?, updated_at = ? WHERE client_id = ?",
			c.Name, c.Data, micros(c.CreatedAt), micros(c.UpdatedAt), clientID))
	})
}

func (s *Store) DeleteClient(ctx context.Context, clientID string) error {
	return affected(s.w.ExecContext(ctx, "DELETE FROM clients WHERE client_id = ?", clientID))
}
