package token

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestVerifyRefusesAttacks feeds Verify the usual JWT attacks. Each token
// is built by hand; Sign could not produce any of them.
func TestVerifyRefusesAttacks(t *testing.T) {
	k := loadKeys(t)
	ks := poolKeySet(t, k)
	now := t0.Add(time.Minute)

	// A key-material server that must never be contacted.
	var fetched atomic.Int32
	evil := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fetched.Add(1)
		w.Write([]byte(`{"keys":[]}`))
	}))
	defer evil.Close()

	claims := mustJSON(t, accessClaimsAt(t0))
	accessKid := k.access.ID
	hdr := func(members ...string) string { return "{" + strings.Join(members, ",") + "}" }
	kid := func(id string) string { return `"kid":` + mustJSON(t, id) }
	alg := func(a string) string { return `"alg":"` + a + `"` }
	ours := rs256(k.access.Private)
	theirs := rs256(k.other.Private)

	pubDER, err := x509.MarshalPKIXPublicKey(&k.access.Private.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	pubPEM := pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: pubDER})
	hs256 := func(secret []byte) func([]byte) []byte {
		return func(input []byte) []byte {
			m := hmac.New(sha256.New, secret)
			m.Write(input)
			return m.Sum(nil)
		}
	}
	otherJWK := string(mustJWK(t, k.other))

	valid, err := ks.Sign(UseAccess, accessClaimsAt(t0))
	if err != nil {
		t.Fatal(err)
	}
	parts := strings.Split(valid, ".")
	tampered := accessClaimsAt(t0)
	tampered["username"] = "admin"
	tampered["cognito:groups"] = []string{"admins"}
	flipped := []byte(parts[2])
	flipped[10] ^= 0x01
	if flipped[10] == '.' {
		flipped[10] = 'A'
	}

	cases := []struct {
		name    string
		token   string
		wantErr error
	}{
		{"alg none, empty signature", rawToken(hdr(kid(accessKid), alg("none")), claims, nil), ErrSignature},
		{"alg None", rawToken(hdr(kid(accessKid), alg("None")), claims, nil), ErrSignature},
		{"alg none, signature kept", rawToken(hdr(kid(accessKid), alg("none")), claims, ours), ErrSignature},
		{"no alg", rawToken(hdr(kid(accessKid)), claims, ours), ErrSignature},
		{"HS256 keyed with the public key PEM", rawToken(hdr(kid(accessKid), alg("HS256")), claims, hs256(pubPEM)), ErrSignature},
		{"HS256 keyed with the public key DER", rawToken(hdr(kid(accessKid), alg("HS256")), claims, hs256(pubDER)), ErrSignature},
		{"ES256", rawToken(hdr(kid(accessKid), alg("ES256")), claims, ours), ErrSignature},
		{"PS256", rawToken(hdr(kid(accessKid), alg("PS256")), claims, ours), ErrSignature},
		{"RS512", rawToken(hdr(kid(accessKid), alg("RS512")), claims, ours), ErrSignature},
		{"unknown kid", rawToken(hdr(kid("not-a-key"), alg("RS256")), claims, ours), ErrSignature},
		{"kid of a foreign key", rawToken(hdr(kid(k.other.ID), alg("RS256")), claims, theirs), ErrSignature},
		{"kid missing", rawToken(hdr(alg("RS256")), claims, ours), ErrMalformed},
		{"kid empty", rawToken(hdr(kid(""), alg("RS256")), claims, ours), ErrMalformed},
		{"kid null", rawToken(hdr(`"kid":null`, alg("RS256")), claims, ours), ErrMalformed},
		{"kid a number", rawToken(hdr(`"kid":7`, alg("RS256")), claims, ours), ErrMalformed},
		{"tampered claims, original signature", parts[0] + "." + b64([]byte(mustJSON(t, tampered))) + "." + parts[2], ErrSignature},
		{"signature bit flipped", parts[0] + "." + parts[1] + "." + string(flipped), ErrSignature},
		{"signature truncated", parts[0] + "." + parts[1] + "." + parts[2][:100], ErrSignature},
		{"signature empty", parts[0] + "." + parts[1] + ".", ErrSignature},
		{"signature from another key, our kid", rawToken(hdr(kid(accessKid), alg("RS256")), claims, theirs), ErrSignature},
		{"id key's kid, signed by the access key", rawToken(hdr(kid(k.id.ID), alg("RS256")), claims, ours), ErrSignature},
		{"access claims signed by the id key", rawToken(hdr(kid(k.id.ID), alg("RS256")), claims, rs256(k.id.Private)), ErrWrongUse},
		{"jwk header with the attacker's key", rawToken(hdr(kid(accessKid), alg("RS256"), `"jwk":`+otherJWK), claims, theirs), ErrSignature},
		{"jwk header, attacker's kid", rawToken(hdr(kid(k.other.ID), alg("RS256"), `"jwk":`+otherJWK), claims, theirs), ErrSignature},
		{"jku header", rawToken(hdr(kid(accessKid), alg("RS256"), `"jku":"`+evil.URL+`/jwks.json"`), claims, theirs), ErrSignature},
		{"jku header, attacker's kid", rawToken(hdr(kid(k.other.ID), alg("RS256"), `"jku":"`+evil.URL+`/jwks.json"`), claims, theirs), ErrSignature},
		{"x5u header", rawToken(hdr(kid(accessKid), alg("RS256"), `"x5u":"`+evil.URL+`/cert.pem"`), claims, theirs), ErrSignature},
		{"unknown crit header", rawToken(hdr(kid(accessKid), alg("RS256"), `"crit":["exp"]`, `"exp":1`), claims, ours), ErrSignature},
		{"b64 false", rawToken(hdr(kid(accessKid), alg("RS256"), `"b64":false`, `"crit":["b64"]`), claims, ours), ErrSignature},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ks.Verify(tc.token, now)
			t.Log(err)
			if !errors.Is(err, tc.wantErr) {
				t.Errorf("Verify = %v, %v; want %v", got, err, tc.wantErr)
			}
			if got, err := parseAndVerify(ks, tc.token, "", now); !errors.Is(err, tc.wantErr) {
				t.Errorf("Parse + VerifyParsed = %v, %v; want %v", got, err, tc.wantErr)
			}
		})
	}
	if n := fetched.Load(); n != 0 {
		t.Errorf("Verify fetched key material from a URL in a token %d times", n)
	}

	// Header members we do not use are ignored, not trusted: a token our
	// key really signed still verifies with them present.
	ignored := rawToken(hdr(kid(accessKid), alg("RS256"), `"jku":"`+evil.URL+`"`, `"typ":"JWT"`), claims, ours)
	if _, err := ks.Verify(ignored, now); err != nil {
		t.Errorf("token signed by our key with a jku header: %v", err)
	}
}

func mustJWK(t *testing.T, k Key) []byte {
	t.Helper()
	ks, err := NewKeySet([]Key{k}, t0)
	if err != nil {
		t.Fatal(err)
	}
	var set struct {
		Keys []json.RawMessage `json:"keys"`
	}
	if err := json.Unmarshal(ks.JWKS(), &set); err != nil || len(set.Keys) != 1 {
		t.Fatalf("JWKS of one key: %v", err)
	}
	return set.Keys[0]
}

func TestVerifyRefusesMalformed(t *testing.T) {
	k := loadKeys(t)
	ks := poolKeySet(t, k)
	ours := rs256(k.access.Private)
	header := `{"kid":` + mustJSON(t, k.access.ID) + `,"alg":"RS256"}`
	valid, _ := ks.Sign(UseAccess, accessClaimsAt(t0))

	cases := []struct {
		name  string
		token string
	}{
		{"empty", ""},
		{"one part", "abc"},
		{"two parts", "abc.def"},
		{"four parts", valid + ".x"},
		{"five parts (a refresh token)", func() string { s, _ := NewOpaque(strings.NewReader(strings.Repeat("r", 92))); return s }()},
		{"padding in base64url", strings.Replace(valid, ".", "=.", 1)},
		{"standard base64 alphabet", "eyJ+/w." + strings.SplitN(valid, ".", 2)[1]},
		{"header not JSON", rawToken("kid", mustJSON(t, accessClaimsAt(t0)), ours)},
		{"JSON serialisation", `{"payload":"e30","protected":"e30","signature":""}`},
		{"too long", valid + strings.Repeat("A", maxTokenLen)},
		{"payload not JSON", rawToken(header, "not json", ours)},
		{"payload an array", rawToken(header, `["token_use","access"]`, ours)},
		{"payload null", rawToken(header, `null`, ours)},
		{"payload a string", rawToken(header, `"x"`, ours)},
		{"whitespace around", " " + valid + "\n"},
		{"newline inside", valid[:40] + "\n" + valid[40:]},
		{"trailing newline", valid + "\n"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ks.Verify(tc.token, t0)
			t.Log(err)
			if err == nil {
				t.Fatalf("Verify accepted it: %v", got)
			}
			if !errors.Is(err, ErrMalformed) && !errors.Is(err, ErrSignature) {
				t.Errorf("err = %v, want ErrMalformed or ErrSignature", err)
			}
			if _, _, err := Peek(tc.token); !errors.Is(err, ErrMalformed) && !errors.Is(err, ErrSignature) {
				t.Errorf("Peek err = %v", err)
			}
			if _, err := parseAndVerify(ks, tc.token, "", t0); !errors.Is(err, ErrMalformed) && !errors.Is(err, ErrSignature) {
				t.Errorf("Parse + VerifyParsed err = %v", err)
			}
		})
	}
}
