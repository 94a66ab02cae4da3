package srp

import (
	"encoding/base64"
	"io"
	"math/big"
)

// privateALen is the size of the client's secret a: 128 bytes, as
// amazon-cognito-identity-js and amplify pick it.
const privateALen = 128

// Client is the user's side of one SRP sign-in (or one device sign-in). Make
// a new one per attempt; its methods do not change it.
type Client struct {
	a, A *big.Int
}

// NewClient picks a random a and computes A = g^a mod N.
func NewClient(rand io.Reader) (*Client, error) {
	buf := make([]byte, privateALen)
	for tries := 0; tries < 8; tries++ {
		if _, err := io.ReadFull(rand, buf); err != nil {
			return nil, ErrRandom
		}
		if a := new(big.Int).SetBytes(buf); a.Sign() != 0 {
			return newClientWithA(a), nil
		}
	}
	return nil, ErrRandom
}

// newClientWithA builds a Client around a chosen a, for tests that replay
// the JS clients' vectors. As N is prime and g = 2, A is never 0 mod N.
// An a of up to 256 bits (what a reader that fills only the last 32 bytes
// gives, as Incognito's load generator does) goes through the fixed-base
// table; the SDKs' 1024-bit a takes big.Int.Exp.
func newClientWithA(a *big.Int) *Client {
	return &Client{a: a, A: expG(a)}
}

// AHex is SRP_A as the clients send it: lowercase hex, no padding.
func (c *Client) AHex() string {
	return c.A.Text(16)
}

// Claim answers a PASSWORD_VERIFIER challenge: it returns
// PASSWORD_CLAIM_SIGNATURE for the challenge's SALT and SRP_B, the decoded
// SECRET_BLOCK and the TIMESTAMP the caller will send (see FormatTimestamp).
// userID is USER_ID_FOR_SRP; for a device, poolName is the device group key,
// userID the device key and password the device's random password.
func (c *Client) Claim(poolName, userID, password, saltHex, srpBHex string, secretBlock []byte, timestamp string) (signatureB64 string, err error) {
	key, err := c.sessionKey(poolName, userID, password, saltHex, srpBHex)
	if err != nil {
		return "", err
	}
	sig := claimSignature(key, poolName, userID, secretBlock, timestamp)
	return base64.StdEncoding.EncodeToString(sig), nil
}

// sessionKey is the clients' getPasswordAuthenticationKey:
// S = (B - k*g^x)^(a + u*x) mod N, then the HKDF.
func (c *Client) sessionKey(poolName, userID, password, saltHex, srpBHex string) ([]byte, error) {
	B, ok := parseHex(srpBHex)
	if !ok || new(big.Int).Mod(B, grp.N).Sign() == 0 {
		return nil, ErrInvalidB
	}
	salt, ok := parseHex(saltHex)
	if !ok {
		return nil, ErrInvalidSalt
	}
	// Like the clients, u hashes B as received, not reduced mod N.
	u := computeU(c.A, B)
	if u.Sign() == 0 {
		return nil, ErrInvalidB
	}
	x := computeX(poolName, userID, password, salt)

	base := expG(x)
	base.Mul(base, grp.k)
	base.Sub(B, base)
	base.Mod(base, grp.N) // Euclidean: non-negative
	exp := new(big.Int).Mul(u, x)
	exp.Add(exp, c.a)
	S := base.Exp(base, exp, grp.N)
	return sessionKey(u, S), nil
}
