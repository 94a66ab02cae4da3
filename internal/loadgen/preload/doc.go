// Package preload fills an Incognito user pool with load users fast, for
// pools of a million users: in-process, straight into Incognito's store
// (the SQLite data directory or the PostgreSQL database a server uses),
// with no HTTP, no SigV4 and one transaction per batch of a few thousand
// users (store.CreateUsers), while the users' SRP verifiers are computed in
// parallel on every core.
//
// The first user goes through Incognito's userpool service
// (AdminCreateUser, then AdminSetUserPassword --permanent), so the pool's
// own rules (password policy, required attributes) are applied once. The
// rest are written with store.CreateUsers as rows the userpool service
// would write for the same request: CONFIRMED, enabled, a "sub" attribute
// and claim, and the SRP salt and verifier sealed under the server's
// master key (record.go). A test compares the two kinds of rows and signs
// both users in, so the shortcut cannot drift from the real thing
// unnoticed. A batch holding a user that exists already (a pre-load run
// again) is written a user at a time, setting the existing users'
// passwords through the service.
//
// It is Incognito-only, and says so: a peer such as cognito-local has its
// own storage and is pre-loaded through the admin API instead.
//
// It imports app (to open the store as the server does), config, secret,
// srp, store and userpool; the HTTP side of the load generator (package
// loadgen) must not, and does not, import it.
package preload
