// Package secret seals secrets at rest and in opaque tokens with keys kept
// outside the database.
//
// A Sealer holds one or more 32-byte master keys. The first seals; all of
// them open, so a key can be rotated by putting the new one first and
// keeping the old ones until nothing sealed with them is left. Sealed values
// are XChaCha20-Poly1305 (random 24-byte nonces, safe to draw at random for
// any number of messages):
//
//	key id (4 bytes) || nonce (24 bytes) || ciphertext and tag (16 bytes)
//
// The key id only says which key to try; it is a hash of the key and gives
// nothing about it away. Associated data binds a sealed value to its place
// (a row id, a pool id, a purpose), so it cannot be moved elsewhere.
//
// Derive gives independent subkeys per purpose ("user-secrets",
// "auth-session") with HKDF-SHA256 (RFC 5869), so one master key serves many
// uses without one use being able to open another's output.
//
// Keys come from INCOGNITO_MASTER_KEY (ParseKey) or from a key file in the
// data directory (LoadOrCreateKeyFile), never from the database they
// protect.
//
// The package is a leaf: it imports the standard library and
// golang.org/x/crypto only, and no other Incognito package.
package secret
