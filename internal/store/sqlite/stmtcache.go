package sqlite

import (
	"context"
	"database/sql"
	"sync"
)

// maxCachedStmts bounds the statements a reader pool keeps prepared. The
// store's read queries are a few dozen constant strings; the bound only
// matters if a query string were ever built per call, which then simply
// goes unprepared.
const maxCachedStmts = 256

// readerDB is the pool of read connections with its statements prepared
// once per connection and kept: SQLite compiles a statement from its SQL
// text on every unprepared query, which a CPU profile of GetUser with an
// access token (three point reads) showed at an eighth of the server's
// time. database/sql prepares a cached *sql.Stmt on each connection the
// first time that connection runs it, and again after the connection is
// replaced.
type readerDB struct {
	*sql.DB
	mu    sync.RWMutex
	stmts map[string]*sql.Stmt
}

func newReaderDB(db *sql.DB) *readerDB {
	return &readerDB{DB: db, stmts: map[string]*sql.Stmt{}}
}

// stmt returns query's cached statement, preparing it on first use; nil
// when the cache is full or the statement cannot be prepared (the caller
// then runs the query unprepared, which reports any error itself).
func (r *readerDB) stmt(ctx context.Context, query string) *sql.Stmt {
	r.mu.RLock()
	st, ok := r.stmts[query]
	r.mu.RUnlock()
	if ok {
		return st
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if st, ok := r.stmts[query]; ok {
		return st
	}
	if len(r.stmts) >= maxCachedStmts {
		return nil
	}
	st, err := r.DB.PrepareContext(ctx, query)
	if err != nil {
		return nil
	}
	r.stmts[query] = st
	return st
}

func (r *readerDB) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if st := r.stmt(ctx, query); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return r.DB.QueryRowContext(ctx, query, args...)
}

func (r *readerDB) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if st := r.stmt(ctx, query); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return r.DB.QueryContext(ctx, query, args...)
}

// Close closes the statements, then the pool.
func (r *readerDB) Close() error {
	r.mu.Lock()
	for q, st := range r.stmts {
		_ = st.Close()
		delete(r.stmts, q)
	}
	r.mu.Unlock()
	return r.DB.Close()
}
