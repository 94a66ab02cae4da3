// Package srp implements the SRP-6a variant that Amazon Cognito user pools
// speak in USER_SRP_AUTH / PASSWORD_VERIFIER and in device authentication
// (DEVICE_SRP_AUTH / DEVICE_PASSWORD_VERIFIER), on both sides: the server
// Incognito runs, and a client for Incognito's own tests, the load generator
// and device sign-in.
//
// The maths follows what the real clients compute, not RFC 5054 to the
// letter (see docs/cognito-reference.md section 4):
//
//   - group: the 3072-bit prime of RFC 5054 appendix A, g = 2, H = SHA-256;
//   - every integer that is hashed is first written the way Java's
//     BigInteger.toByteArray writes it ("padHex": minimal big-endian bytes,
//     plus a 0x00 byte when the top bit is set), see padBytes;
//   - k = H(padHex(N) || padHex(g)), with g padded to one byte, not to |N|;
//   - x = H(padHex(salt) || H(poolName || userID || ":" || password));
//   - u = H(padHex(A) || padHex(B));
//   - the session key is one HKDF-SHA256 block (RFC 5869) with
//     salt = padHex(u), IKM = padHex(S), info = "Caldera Derived Key" || 0x01,
//     truncated to 16 bytes;
//   - PASSWORD_CLAIM_SIGNATURE = base64(HMAC-SHA256(key,
//     poolName || userID || SECRET_BLOCK bytes || TIMESTAMP)).
//
// The salt is an integer, as the clients read SALT: leading zero bytes of a
// salt do not count. testdata/js-vectors.json holds values produced by
// amazon-cognito-identity-js and aws-amplify v6 themselves
// (test/js/tools/srp-vectors.mjs regenerates it); the tests check this
// package against them.
//
// SECRET_HASH (section 5 of the reference) lives here too, as it is the other
// piece of client-side cryptography Cognito requires.
//
// The package is a leaf: it imports only the standard library and no other
// Incognito package. Randomness is injected as an io.Reader; the package keeps
// no mutable state: its one package-level cache, the fixed-base table for g^e
// (gtable.go), is built once on first use and only read afterwards.
package srp
