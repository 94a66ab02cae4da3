package srp

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"io"
	"math/big"
	"strings"
)

// saltLen is the length of the salts NewVerifier makes, as Cognito's.
const saltLen = 16

// PoolName returns the part of a user pool ID after "_" (us-east-1_AbC ->
// AbC), which is what goes into x and into the claim signature. Like the
// clients' userPoolId.split('_')[1], it stops at a second "_" and is empty
// when there is no "_".
func PoolName(userPoolID string) string {
	_, rest, ok := strings.Cut(userPoolID, "_")
	if !ok {
		return ""
	}
	name, _, _ := strings.Cut(rest, "_")
	return name
}

// NewVerifier makes a fresh 16-byte random salt and the verifier v = g^x mod N
// for a password, to store when the password is set. The verifier is nLen
// (384) bytes, big-endian. The salt never starts with a zero byte, so that
// its plain hex (see HexSalt) is read the same by every client.
func NewVerifier(rand io.Reader, poolName, userID, password string) (salt, verifier []byte, err error) {
	salt = make([]byte, saltLen)
	for tries := 0; ; tries++ {
		if tries == 8 {
			return nil, nil, ErrRandom
		}
		if _, err := io.ReadFull(rand, salt); err != nil {
			return nil, nil, ErrRandom
		}
		if salt[0] != 0 {
			break
		}
	}
	return salt, verifierFor(poolName, userID, password, salt), nil
}

// CheckPassword recomputes x from a plain password (USER_PASSWORD_AUTH and
// friends) and compares g^x with the stored verifier in constant time.
func CheckPassword(poolName, userID, password string, salt, verifier []byte) bool {
	v, ok := parseVerifier(verifier)
	if !ok {
		return false
	}
	want := v.FillBytes(make([]byte, nLen))
	got := verifierFor(poolName, userID, password, salt)
	return subtle.ConstantTimeCompare(want, got) == 1
}

// verifierFor is g^x mod N as nLen big-endian bytes.
func verifierFor(poolName, userID, password string, salt []byte) []byte {
	x := computeX(poolName, userID, password, new(big.Int).SetBytes(salt))
	return expG(x).FillBytes(make([]byte, nLen))
}

// computeX is x = H(padHex(salt) || H(poolName || userID || ":" || password)),
// strings as UTF-8. The clients hash the hex concatenation of the two, which
// is the same bytes.
func computeX(poolName, userID, password string, salt *big.Int) *big.Int {
	inner := sha256.Sum256([]byte(poolName + userID + ":" + password))
	return hashToInt(padBytes(salt), inner[:])
}

// parseVerifier reads a stored verifier; it must lie in [1, N-1].
func parseVerifier(verifier []byte) (*big.Int, bool) {
	v := new(big.Int).SetBytes(verifier)
	return v, inGroup(v)
}

// HexSalt writes a salt for the SALT challenge parameter: lowercase hex of
// its bytes without leading zero bytes ("00" for a zero salt). The JS clients
// read SALT as an integer, but pycognito and warrant pad the string as it
// is, so a leading "00" would change their x; without it, all agree.
func HexSalt(salt []byte) string {
	s := new(big.Int).SetBytes(salt)
	if s.Sign() == 0 {
		return "00"
	}
	return hex.EncodeToString(s.Bytes())
}
