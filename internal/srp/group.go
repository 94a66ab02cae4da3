package srp

import (
	"crypto/sha256"
	"math/big"
)

// nHex is the 3072-bit prime of RFC 5054 appendix A (the same prime as RFC
// 3526 group 15), which Cognito and its clients use with g = 2.
const nHex = "" +
	"FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD1" +
	"29024E088A67CC74020BBEA63B139B22514A08798E3404DD" +
	"EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245" +
	"E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED" +
	"EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3D" +
	"C2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F" +
	"83655D23DCA3AD961C62F356208552BB9ED529077096966D" +
	"670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B" +
	"E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9" +
	"DE2BCBF6955817183995497CEA956AE515D2261898FA0510" +
	"15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64" +
	"ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7" +
	"ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6B" +
	"F12FFA06D98A0864D87602733EC86A64521F2B18177B200C" +
	"BBE117577A615D6C770988C0BAD946E208E24FA074E5AB31" +
	"43DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF"

// nLen is the length of N in bytes; verifiers and B are stored at this length.
const nLen = 384

// maxHexDigits bounds the hex strings accepted from the wire. Values below N
// need 768 digits; the slack allows a few leading zeros.
const maxHexDigits = 1024

// group holds N, g and k. There is one, grp, built once; its integers are
// never written to: they are only ever arguments, never receivers.
type group struct {
	N, g, k *big.Int
}

var grp = newGroup()

func newGroup() group {
	n, ok := new(big.Int).SetString(nHex, 16)
	if !ok {
		panic("srp: bad N")
	}
	g := big.NewInt(2)
	// k = H(padHex(N) || padHex(g)): Cognito pads g to one byte only, where
	// RFC 5054 section 2.6 would pad it to the length of N.
	return group{N: n, g: g, k: hashToInt(padBytes(n), padBytes(g))}
}

// padBytes writes a non-negative integer as the clients' padHex does (Java's
// BigInteger.toByteArray): the minimal big-endian bytes, with a leading 0x00
// when the top bit is set so the value never reads as negative. Zero is one
// 0x00 byte.
func padBytes(x *big.Int) []byte {
	// One bit more than the value needs leaves room for the sign bit; zero
	// gets its single byte the same way.
	return x.FillBytes(make([]byte, (x.BitLen()+8)/8))
}

// hashToInt is SHA-256 over the concatenated parts, read as an integer.
func hashToInt(parts ...[]byte) *big.Int {
	h := sha256.New()
	for _, p := range parts {
		h.Write(p)
	}
	return new(big.Int).SetBytes(h.Sum(nil))
}

// parseHex reads a non-negative hex number from the wire: digits only (no
// sign, no 0x prefix, no spaces), between 1 and maxHexDigits of them, either
// case. math/big alone would also take a leading sign and underscores.
func parseHex(s string) (*big.Int, bool) {
	if len(s) == 0 || len(s) > maxHexDigits {
		return nil, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return nil, false
		}
	}
	return new(big.Int).SetString(s, 16)
}

// inGroup reports whether 0 < x < N.
func inGroup(x *big.Int) bool {
	return x.Sign() > 0 && x.Cmp(grp.N) < 0
}
