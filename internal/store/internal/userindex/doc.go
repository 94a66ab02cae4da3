// Package userindex derives what an Incognito store backend indexes about a
// user from its store.UserRecord: the search entries ListUsers filters on
// (each the value store.UserFilterValue gives, the rule that
// store.NextUserPage's cursors follow too), the set of unique claims, and
// the key range a prefix filter scans. Both backends use it, so SQLite and
// PostgreSQL index users identically.
//
// It is pure computation: it may import only the standard library and
// internal/store, never a database driver or a backend.
package userindex
