package srp

import (
	"crypto/hmac"
	"encoding/base64"
	"io"
	"math/big"
)

// privateBLen is the size of the server's secret exponent b: 256 bits, as
// RFC 5054 section 2.5.3 asks at least, and matching the ~128-bit strength of
// the 3072-bit group. A short b keeps g^b and S cheap.
const privateBLen = 32

// ServerState is what the server must remember between InitiateAuth (which
// sends SRP_B) and PASSWORD_VERIFIER (which checks the claim). Incognito seals
// it into SECRET_BLOCK / Session; both fields are big-endian.
type ServerState struct {
	B        []byte // public value, nLen bytes
	PrivateB []byte // secret exponent b, privateBLen bytes
}

// NewServerState picks a random b and computes B = (k*v + g^b) mod N for the
// stored verifier v. B is never 0 mod N.
func NewServerState(rand io.Reader, verifier []byte) (ServerState, error) {
	v, ok := parseVerifier(verifier)
	if !ok {
		return ServerState{}, ErrInvalidVerifier
	}
	// k·v reduced once, so that g^b + k·v < 2N needs at most one subtraction.
	kv := new(big.Int).Mul(grp.k, v)
	kv.Mod(kv, grp.N)
	var b [privateBLen]byte
	for tries := 0; tries < 8; tries++ {
		if _, err := io.ReadFull(rand, b[:]); err != nil {
			return ServerState{}, ErrRandom
		}
		if b == [privateBLen]byte{} {
			continue // B would be k*v and give v away
		}
		B := fixedBase().exp(&b) // g^b mod N, see gtable.go
		B.Add(B, kv)
		if B.Cmp(grp.N) >= 0 {
			B.Sub(B, grp.N)
		}
		if B.Sign() == 0 {
			continue
		}
		return ServerState{
			B:        B.FillBytes(make([]byte, nLen)),
			PrivateB: append([]byte(nil), b[:]...),
		}, nil
	}
	return ServerState{}, ErrRandom
}

// HexB is SRP_B as sent on the wire: lowercase hex of B without padding,
// like the clients' own A.toString(16).
func HexB(st ServerState) string {
	return new(big.Int).SetBytes(st.B).Text(16)
}

// VerifyClaim checks a PASSWORD_VERIFIER (or DEVICE_PASSWORD_VERIFIER)
// answer. srpAHex is SRP_A from the first request, secretBlock the decoded
// PASSWORD_CLAIM_SECRET_BLOCK, timestamp the TIMESTAMP string exactly as
// sent (checking its age is the caller's job, see ParseTimestamp), and
// signatureB64 PASSWORD_CLAIM_SIGNATURE. For a device, poolName is the
// device group key and userID the device key.
//
// It recomputes S = (A * v^u)^b mod N, the session key and the signature, and
// compares signatures in constant time. A wrong password (or any mismatch)
// answers false with no error; an error means a malformed SRP_A, verifier or
// state.
func VerifyClaim(st ServerState, verifier []byte, srpAHex, poolName, userID string, secretBlock []byte, timestamp, signatureB64 string) (ok bool, err error) {
	key, err := ServerSessionKey(st, verifier, srpAHex)
	if err != nil {
		return false, err
	}
	return CheckSignature(key, poolName, userID, secretBlock, timestamp, signatureB64), nil
}

// ServerSessionKey computes the 16-byte session key K the client will sign
// with: S = (A * v^u)^b mod N, then the HKDF step. Incognito computes it
// while answering SRP_A and seals only K into SECRET_BLOCK, which keeps the
// sealed state small; the second step then needs no modular arithmetic.
func ServerSessionKey(st ServerState, verifier []byte, srpAHex string) ([]byte, error) {
	A, good := parseHex(srpAHex)
	// SRP-6a (RFC 5054 section 2.5.4) only demands A % N != 0. Real
	// clients send g^a mod N, so anything at or above N is refused too.
	if !good || !inGroup(A) {
		return nil, ErrInvalidA
	}
	v, good := parseVerifier(verifier)
	if !good {
		return nil, ErrInvalidVerifier
	}
	B := new(big.Int).SetBytes(st.B)
	b := new(big.Int).SetBytes(st.PrivateB)
	if !inGroup(B) || b.Sign() == 0 {
		return nil, ErrInvalidState
	}
	u := computeU(A, B)
	if u.Sign() == 0 {
		return nil, ErrInvalidA
	}
	S := new(big.Int).Exp(v, u, grp.N)
	S.Mul(S, A)
	S.Mod(S, grp.N)
	S.Exp(S, b, grp.N)
	return sessionKey(u, S), nil
}

// CheckSignature compares PASSWORD_CLAIM_SIGNATURE with the one session key
// K gives, in constant time. A malformed signature is simply wrong.
func CheckSignature(key []byte, poolName, userID string, secretBlock []byte, timestamp, signatureB64 string) bool {
	given, err := base64.StdEncoding.DecodeString(signatureB64)
	if err != nil {
		return false
	}
	want := claimSignature(key, poolName, userID, secretBlock, timestamp)
	return hmac.Equal(want, given)
}
