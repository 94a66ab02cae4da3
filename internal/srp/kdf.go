package srp

import (
	"crypto/hmac"
	"crypto/sha256"
	"math/big"
)

// hkdfInfo is the HKDF info of Cognito's session key followed by the block
// counter 0x01 (RFC 5869 section 2.3, T(1)).
var hkdfInfo = []byte("Caldera Derived Key\x01")

// keyLen is the length of the derived key: the clients keep 16 bytes.
const keyLen = 16

// computeU is u = H(padHex(A) || padHex(B)).
func computeU(A, B *big.Int) *big.Int {
	return hashToInt(padBytes(A), padBytes(B))
}

// sessionKey is the single-block HKDF-SHA256 of RFC 5869 with
// salt = padHex(u) and IKM = padHex(S), cut to 16 bytes.
func sessionKey(u, S *big.Int) []byte {
	ext := hmac.New(sha256.New, padBytes(u))
	ext.Write(padBytes(S))
	prk := ext.Sum(nil)
	exp := hmac.New(sha256.New, prk)
	exp.Write(hkdfInfo)
	return exp.Sum(nil)[:keyLen]
}

// claimSignature is HMAC-SHA256(key, poolName || userID || secretBlock ||
// timestamp), the raw bytes of PASSWORD_CLAIM_SIGNATURE.
func claimSignature(key []byte, poolName, userID string, secretBlock []byte, timestamp string) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(poolName))
	m.Write([]byte(userID))
	m.Write(secretBlock)
	m.Write([]byte(timestamp))
	return m.Sum(nil)
}
