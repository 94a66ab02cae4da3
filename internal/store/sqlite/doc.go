// Package sqlite is Incognito's embedded, default store backend: one SQLite
// file, opened through the pure-Go modernc.org/sqlite driver, no server to
// run. It implements store.Store and passes the storetest conformance suite.
//
// Durability and concurrency: the file is in WAL mode with synchronous=FULL,
// so a write is on disk before it is acknowledged. All writes go through one
// connection and begin with BEGIN IMMEDIATE, so they queue in the process
// instead of failing with SQLITE_BUSY and an update function always sees the
// latest committed row; reads use a separate pool of query-only connections
// that WAL lets run beside the writer.
//
// This package may import internal/store and its internal helpers, never
// domain or API packages, and never another backend.
package sqlite
