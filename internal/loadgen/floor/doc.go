// Package floor measures the crypto floor of the load generator's
// scenarios: Go benchmarks that run exactly the cryptography an Incognito
// server must do for one flow of a scenario, on all cores at once
// (b.RunParallel), and nothing else. A scenario's throughput divided by its
// floor says how much of the server's time goes to the protocol's own
// cryptography and how much to our overhead (HTTP, JSON, the database).
//
// What one flow costs the server, by scenario:
//
//	srp       NewServerState (B = kv + g^b), ServerSessionKey (S = (A v^u)^b),
//	          the claim signature check, an ID and an access token signed
//	          (RS256), a refresh token made (random + SHA-256)
//	password  CheckPassword (g^x against the verifier), two tokens signed,
//	          a refresh token made
//	refresh   the refresh token hashed, two tokens signed
//	getuser   one access token verified
//	identity  the ID token verified twice (GetId, GetCredentialsForIdentity)
//	signup    one SRP verifier made (SignUp; AdminConfirmSignUp has no crypto)
//
// The AEAD sealing of the SRP state and of user rows (AES-GCM over a few
// hundred bytes, microseconds) is counted as overhead, not floor: the
// protocol does not demand it. listusers has no cryptography, so no floor.
//
// The package runs in-process (testing.Benchmark) and imports srp and
// token only; bench_test.go exposes the same work as `go test -bench`.
package floor
