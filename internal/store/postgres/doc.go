// Package postgres is Incognito's store backend for running several
// replicas against one PostgreSQL database. It implements store.Store on a
// pgx connection pool and passes the storetest conformance suite.
//
// Updates read the row with SELECT ... FOR UPDATE inside a transaction, so
// concurrent updates of one row, from any replica, queue instead of losing
// each other's changes. Migrations run at Open under a PostgreSQL advisory
// lock, so replicas starting together apply each migration once.
//
// This package may import internal/store and its internal helpers, never
// domain or API packages, and never another backend.
package postgres
