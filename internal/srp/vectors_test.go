package srp

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"math/big"
	"os"
	"testing"
	"time"
)

// jsVectors is testdata/js-vectors.json, written by
// test/js/tools/srp-vectors.mjs from amazon-cognito-identity-js and
// aws-amplify v6 (see that script for how each value is made).
type jsVectors struct {
	Clients map[string]string `json:"clients"`
	Group   struct {
		N, G, K string
	} `json:"group"`
	Claims []struct {
		Name, Kind, Client, Via string
		UserPoolID              string `json:"userPoolId"`
		PoolName, Username      string
		UserID                  string `json:"userId"`
		Password, WrongPassword string
		Salt, Verifier          string // hex: SALT as sent, v = g^x
		A, B                    string // hex as sent
		SmallA                  string `json:"a"`
		SmallB                  string `json:"b"`
		SecretBlock             string // base64
		Timestamp               string
		U, S                    string // padHex
		HKDF                    string `json:"hkdf"`
		Signature               string
		WrongPasswordSignature  string
		DeviceConfig            *struct{ PasswordVerifier, Salt string }
		Covers                  []string
	} `json:"claims"`
	Timestamps []struct {
		UnixMillis int64 `json:"unixMillis"`
		Timestamp  string
	} `json:"timestamps"`
	SecretHashes []struct {
		Name, ClientSecret, Username string
		ClientID                     string `json:"clientId"`
		SecretHash                   string
	} `json:"secretHashes"`
}

func loadVectors(t testing.TB) jsVectors {
	t.Helper()
	raw, err := os.ReadFile("testdata/js-vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	var v jsVectors
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	if len(v.Claims) == 0 || len(v.Timestamps) == 0 || len(v.SecretHashes) == 0 {
		t.Fatal("js-vectors.json has empty sections")
	}
	return v
}

func mustHexInt(t testing.TB, s string) *big.Int {
	t.Helper()
	n, ok := new(big.Int).SetString(s, 16)
	if !ok {
		t.Fatalf("bad hex %q", s)
	}
	return n
}

func mustHexBytes(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatalf("bad hex %q: %v", s, err)
	}
	return b
}

func TestJSGroup(t *testing.T) {
	v := loadVectors(t)
	if mustHexInt(t, v.Group.N).Cmp(grp.N) != 0 {
		t.Error("N differs from the clients'")
	}
	if mustHexInt(t, v.Group.G).Cmp(grp.g) != 0 {
		t.Error("g differs from the clients'")
	}
	if mustHexInt(t, v.Group.K).Cmp(grp.k) != 0 {
		t.Errorf("k = %x, clients have %s", grp.k, v.Group.K)
	}
}

// TestJSClaimsVerify: the server accepts what the JS clients sign, and
// nothing else.
func TestJSClaimsVerify(t *testing.T) {
	v := loadVectors(t)
	for _, c := range v.Claims {
		t.Run(c.Client+"/"+c.Name, func(t *testing.T) {
			st := ServerState{B: mustHexInt(t, c.B).Bytes(), PrivateB: mustHexInt(t, c.SmallB).Bytes()}
			if HexB(st) != c.B {
				t.Errorf("HexB = %s, want %s", HexB(st), c.B)
			}
			verifier := mustHexInt(t, c.Verifier).FillBytes(make([]byte, nLen))
			block, err := base64.StdEncoding.DecodeString(c.SecretBlock)
			if err != nil {
				t.Fatal(err)
			}
			verify := func(verifier []byte, ts, sig string) bool {
				t.Helper()
				ok, err := VerifyClaim(st, verifier, c.A, c.PoolName, c.UserID, block, ts, sig)
				if err != nil {
					t.Fatalf("VerifyClaim: %v", err)
				}
				return ok
			}
			if !verify(verifier, c.Timestamp, c.Signature) {
				t.Fatal("JS signature refused")
			}
			raw, _ := base64.StdEncoding.DecodeString(c.Signature)
			for _, bit := range []int{0, 7, 100, 255} {
				flipped := bytes.Clone(raw)
				flipped[bit/8] ^= 1 << (bit % 8)
				if verify(verifier, c.Timestamp, base64.StdEncoding.EncodeToString(flipped)) {
					t.Errorf("signature with bit %d flipped accepted", bit)
				}
			}
			if verify(verifier, c.Timestamp+" ", c.Signature) || verify(verifier, "Thu Jan 1 00:00:00 UTC 1970", c.Signature) {
				t.Error("signature accepted with another timestamp")
			}
			if verify(verifier, c.Timestamp, c.WrongPasswordSignature) {
				t.Error("signature made with the wrong password accepted")
			}
			salt := mustHexBytes(t, c.Salt)
			wrongV := verifierFor(c.PoolName, c.UserID, c.WrongPassword, salt)
			if verify(wrongV, c.Timestamp, c.Signature) {
				t.Error("signature accepted against the verifier of another password")
			}
			if verify(verifier, c.Timestamp, "") || verify(verifier, c.Timestamp, "not base64!") {
				t.Error("empty or malformed signature accepted")
			}
			if ok, err := VerifyClaim(st, verifier, c.A, c.PoolName+"x", c.UserID, block, c.Timestamp, c.Signature); ok || err != nil {
				t.Errorf("other pool name: ok=%v err=%v", ok, err)
			}
		})
	}
}

// TestJSClaimsClient: Incognito's client, given the JS client's a, sends the
// same SRP_A and derives the same key and signature.
func TestJSClaimsClient(t *testing.T) {
	v := loadVectors(t)
	for _, c := range v.Claims {
		t.Run(c.Client+"/"+c.Name, func(t *testing.T) {
			cl := newClientWithA(mustHexInt(t, c.SmallA))
			if cl.AHex() != c.A {
				t.Fatalf("AHex = %s…, want %s…", cl.AHex()[:16], c.A[:16])
			}
			B := mustHexInt(t, c.B)
			if got := hex.EncodeToString(padBytes(computeU(cl.A, B))); got != c.U {
				t.Errorf("u = %s, want %s", got, c.U)
			}
			key, err := cl.sessionKey(c.PoolName, c.UserID, c.Password, c.Salt, c.B)
			if err != nil {
				t.Fatal(err)
			}
			if hex.EncodeToString(key) != c.HKDF {
				t.Errorf("key = %x, want %s", key, c.HKDF)
			}
			block, _ := base64.StdEncoding.DecodeString(c.SecretBlock)
			sig, err := cl.Claim(c.PoolName, c.UserID, c.Password, c.Salt, c.B, block, c.Timestamp)
			if err != nil {
				t.Fatal(err)
			}
			if sig != c.Signature {
				t.Errorf("signature = %s, want %s", sig, c.Signature)
			}
			wrong, _ := cl.Claim(c.PoolName, c.UserID, c.WrongPassword, c.Salt, c.B, block, c.Timestamp)
			if wrong != c.WrongPasswordSignature {
				t.Errorf("wrong-password signature = %s, want %s", wrong, c.WrongPasswordSignature)
			}
			// The server's S, from b and v, is the clients' S.
			u := computeU(cl.A, B)
			S := new(big.Int).Exp(mustHexInt(t, c.Verifier), u, grp.N)
			S.Mul(S, cl.A).Mod(S, grp.N).Exp(S, mustHexInt(t, c.SmallB), grp.N)
			if got := hex.EncodeToString(padBytes(S)); got != c.S {
				t.Errorf("server S differs from the clients'")
			}
		})
	}
}

// TestJSVerifiers: the verifier Incognito stores for a password is the one the
// clients' x implies, and CheckPassword agrees.
func TestJSVerifiers(t *testing.T) {
	v := loadVectors(t)
	for _, c := range v.Claims {
		t.Run(c.Client+"/"+c.Name, func(t *testing.T) {
			salt := mustHexBytes(t, c.Salt)
			want := mustHexInt(t, c.Verifier).FillBytes(make([]byte, nLen))
			if got := verifierFor(c.PoolName, c.UserID, c.Password, salt); !bytes.Equal(got, want) {
				t.Fatal("verifier differs from the JS-implied g^x")
			}
			if len(salt) == saltLen && salt[0] != 0 {
				s, ver, err := NewVerifier(bytes.NewReader(salt), c.PoolName, c.UserID, c.Password)
				if err != nil || !bytes.Equal(s, salt) || !bytes.Equal(ver, want) {
					t.Fatalf("NewVerifier with the vector's salt: %x %v", s, err)
				}
				if HexSalt(s) != c.Salt {
					t.Errorf("HexSalt = %s, want %s", HexSalt(s), c.Salt)
				}
			}
			if !CheckPassword(c.PoolName, c.UserID, c.Password, salt, want) {
				t.Error("CheckPassword refused the right password")
			}
			if CheckPassword(c.PoolName, c.UserID, c.WrongPassword, salt, want) {
				t.Error("CheckPassword accepted the wrong password")
			}
			if c.UserPoolID != "" && PoolName(c.UserPoolID) != c.PoolName {
				t.Errorf("PoolName(%q) = %q, want %q", c.UserPoolID, PoolName(c.UserPoolID), c.PoolName)
			}
		})
	}
}

// TestJSDeviceConfigs: ConfirmDevice's DeviceSecretVerifierConfig, as the
// clients make it, decodes to the verifier and salt the device claim used.
func TestJSDeviceConfigs(t *testing.T) {
	v := loadVectors(t)
	n := 0
	for _, c := range v.Claims {
		if c.DeviceConfig == nil {
			continue
		}
		n++
		t.Run(c.Client+"/"+c.Name, func(t *testing.T) {
			salt, verifier, err := DecodeDeviceVerifierConfig(c.DeviceConfig.PasswordVerifier, c.DeviceConfig.Salt)
			if err != nil {
				t.Fatal(err)
			}
			if HexSalt(salt) != c.Salt {
				t.Errorf("HexSalt = %s, want %s", HexSalt(salt), c.Salt)
			}
			if !bytes.Equal(verifier, mustHexInt(t, c.Verifier).FillBytes(make([]byte, nLen))) {
				t.Error("decoded verifier differs")
			}
			if !CheckPassword(c.PoolName, c.UserID, c.Password, salt, verifier) {
				t.Error("device password does not match its verifier")
			}
		})
	}
	if n < 2 {
		t.Errorf("only %d device vectors", n)
	}
}

func TestJSTimestamps(t *testing.T) {
	v := loadVectors(t)
	for _, c := range v.Timestamps {
		t.Run(c.Timestamp, func(t *testing.T) {
			at := time.UnixMilli(c.UnixMillis)
			if got := FormatTimestamp(at.In(time.FixedZone("X", 5*3600))); got != c.Timestamp {
				t.Errorf("FormatTimestamp = %q, want %q", got, c.Timestamp)
			}
			got, err := ParseTimestamp(c.Timestamp)
			if err != nil || !got.Equal(at.Truncate(time.Second)) {
				t.Errorf("ParseTimestamp = %v, %v; want %v", got, err, at.Truncate(time.Second))
			}
		})
	}
}

func TestJSSecretHash(t *testing.T) {
	v := loadVectors(t)
	for _, c := range v.SecretHashes {
		t.Run(c.Name, func(t *testing.T) {
			if got := SecretHash(c.ClientSecret, c.Username, c.ClientID); got != c.SecretHash {
				t.Errorf("SecretHash = %s, want %s", got, c.SecretHash)
			}
		})
	}
}

// TestJSCoverage guards against a regenerated file losing the awkward cases.
func TestJSCoverage(t *testing.T) {
	v := loadVectors(t)
	seen := map[string]bool{}
	for _, c := range v.Claims {
		seen[c.Client+"/"+c.Kind] = true
		for _, k := range c.Covers {
			seen[k] = true
		}
	}
	for _, want := range []string{
		"amazon-cognito-identity-js/user", "amazon-cognito-identity-js/device", "aws-amplify-v6/user", "aws-amplify-v6/device",
		"salt-high-bit", "salt-odd-hex", "salt-hex-zero-byte", "A-short", "A-odd-hex", "A-high-bit",
		"B-short", "B-odd-hex", "B-high-bit", "u-short", "u-high-bit", "S-short", "S-high-bit",
	} {
		if !seen[want] {
			t.Errorf("no vector covers %s", want)
		}
	}
}
