// Package e2e drives a real Incognito server, listening on a loopback port,
// through the real AWS SDK for Go v2 — every test on the embedded SQLite
// store and on PostgreSQL. Nothing here talks to the server by hand-built
// requests alone.
package e2e
