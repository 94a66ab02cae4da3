// Package migration reads the numbered SQL migrations an Incognito store
// backend embeds (migrations/0001_init.sql, ...) into an ordered list. Each
// backend applies the list itself, in its own dialect and with its own
// locking.
//
// It may import only the standard library, never a database driver.
package migration
