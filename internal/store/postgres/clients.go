package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/incognito-idp/incognito/internal/store"
)

const (
	clientColumns = "pool_id, client_id, name, data, created_at, updated_at"
	getClientSQL  = "SELECT " + clientColumns + " FROM clients WHERE client_id = $1"
	listClientSQL = "SELECT " + clientColumns + " FROM clients WHERE pool_id = $1 AND client_id > $2 ORDER BY client_id LIMIT $3"
)

func scanClient(row pgx.Row) (store.ClientRecord, error) {
	var c store.ClientRecord
	err := row.Scan(&c.PoolID, &c.ClientID, &c.Name, &c.Data, &c.CreatedAt, &c.UpdatedAt)
	utc(&c.CreatedAt, &c.UpdatedAt)
	return c, err
}

// CreateClient answers store.ErrNotFound for a missing pool through the
// foreign key, in one statement.
func (s *Store) CreateClient(ctx context.Context, c store.ClientRecord) error {
	return created(s.pool.Exec(ctx,
		"INSERT INTO clients ("+clientColumns+") VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
		c.PoolID, c.ClientID, c.Name, c.Data, c.CreatedAt, c.UpdatedAt))
}

func (s *Store) GetClient(ctx context.Context, clientID string) (store.ClientRecord, error) {
	c, err := scanClient(s.pool.QueryRow(ctx, getClientSQL, clientID))
	if err != nil {
		return store.ClientRecord{}, notFound(err)
	}
	return c, nil
}

func (s *Store) ListClients(ctx context.Context, poolID string, page store.Page) ([]store.ClientRecord, error) {
	return listIn(ctx, s.pool, poolExists, []any{poolID},
		scanClient, listClientSQL, poolID, page.After, limit(page))
}

// UpdateClient keeps the client's ClientID and PoolID whatever update returns.
func (s *Store) UpdateClient(ctx context.Context, clientID string, update func(store.ClientRecord) (store.ClientRecord, error)) error {
	return s.inTx(ctx, func(tx pgx.Tx) error {
		old, err := scanClient(tx.QueryRow(ctx, getClientSQL+" FOR UPDATE", clientID))
		if err != nil {
			return notFound(err)
		}
		c, err := update(old)
		if err != nil {
			return err
		}
		return affected(tx.Exec(ctx,
			"UPDATE clients SET name = $2, data = $3, created_at = $4, updated_at = $5 WHERE client_id = $1",
			clientID, c.Name, c.Data, c.CreatedAt, c.UpdatedAt))
	})
}

func (s *Store) DeleteClient(ctx context.Context, clientID string) error {
	return affected(s.pool.Exec(ctx, "DELETE FROM clients WHERE client_id = $1", clientID))
}
