package sqlite

import (
	"context"
	"database/sql"
	"fmt"
)

// hotWrites are the statements every sign-in writes. SQLite compiles an
// unprepared statement from its text on each run, which a CPU profile of
// password sign-in put at about 2% of the server's time; these are
// compiled once per process instead.
var hotWrites = []string{createSessionSQL}

// prepareHot prepares hotWrites on the writer's one connection. It runs in
// Open, before any transaction could hold that connection.
func (s *Store) prepareHot(ctx context.Context) error {
	s.hot = make(map[string]*sql.Stmt, len(hotWrites))
	for _, q := range hotWrites {
		st, err := s.w.PrepareContext(ctx, q)
		if err != nil {
			return fmt.Errorf("sqlite: preparing %q: %w", q, err)
		}
		s.hot[q] = st
	}
	return nil
}

// execHot runs query in the write transaction tx, through its prepared
// statement when it is one of hotWrites. database/sql finds the statement
// already prepared on the transaction's connection (the writer has only
// one) and does not compile it again.
func (s *Store) execHot(ctx context.Context, tx *sql.Tx, query string, args ...any) (sql.Result, error) {
	if st := s.hot[query]; st != nil {
		return tx.StmtContext(ctx, st).ExecContext(ctx, args...)
	}
	return tx.ExecContext(ctx, query, args...)
}
