package token

import (
	"encoding/json"
	"regexp"
	"testing"

	jose "github.com/go-jose/go-jose/v4"
)

func jwksKids(t testing.TB, doc []byte) []string {
	t.Helper()
	var set struct {
		Keys []struct {
			Kid string `json:"kid"`
		} `json:"keys"`
	}
	if err := json.Unmarshal(doc, &set); err != nil {
		t.Fatalf("JWKS %s: %v", doc, err)
	}
	kids := []string{}
	for _, k := range set.Keys {
		kids = append(kids, k.Kid)
	}
	return kids
}

func TestJWKSGolden(t *testing.T) {
	ks := poolKeySet(t, loadKeys(t))
	golden(t, "jwks.json", append(ks.JWKS(), '\n'))
}

// TestJWKSShape checks the exact member order and values Cognito serves and
// aws-jwt-verify checks (use "sig", alg RS256, kid a string).
func TestJWKSShape(t *testing.T) {
	k := loadKeys(t)
	ks := poolKeySet(t, k)
	entry := `\{"alg":"RS256","e":"AQAB","kid":"[A-Za-z0-9+/]{43}=","kty":"RSA","n":"[A-Za-z0-9_-]{342}","use":"sig"\}`
	shape := regexp.MustCompile(`^\{"keys":\[` + entry + `,` + entry + `\]\}$`)
	cases := []struct {
		name string
		doc  []byte
		re   *regexp.Regexp
	}{
		{"pool with two keys", ks.JWKS(), shape},
		{"zero KeySet", KeySet{}.JWKS(), regexp.MustCompile(`^\{"keys":\[\]\}$`)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if !tc.re.Match(tc.doc) {
				t.Errorf("JWKS = %s\nwant shape %s", tc.doc, tc.re)
			}
		})
	}

	// Rendered once: every call hands out the same bytes.
	if a, b := ks.JWKS(), ks.JWKS(); &a[0] != &b[0] {
		t.Error("JWKS is re-rendered on every call")
	}
}

// TestJWKSVerifiesTokens reads the JWKS with go-jose, as a relying party
// would, and checks tokens of both uses against it.
func TestJWKSVerifiesTokens(t *testing.T) {
	ks := poolKeySet(t, loadKeys(t))
	var set jose.JSONWebKeySet
	if err := json.Unmarshal(ks.JWKS(), &set); err != nil {
		t.Fatal(err)
	}
	idToken, err := ks.Sign(UseID, IDClaims(fullIDInput()))
	if err != nil {
		t.Fatal(err)
	}
	accessToken, err := ks.Sign(UseAccess, accessClaimsAt(t0))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, token string }{{"id", idToken}, {"access", accessToken}} {
		t.Run(tc.name, func(t *testing.T) {
			jws, err := jose.ParseSignedCompact(tc.token, []jose.SignatureAlgorithm{jose.RS256})
			if err != nil {
				t.Fatal(err)
			}
			keys := set.Key(jws.Signatures[0].Header.KeyID)
			if len(keys) != 1 || keys[0].Use != "sig" || keys[0].Algorithm != "RS256" {
				t.Fatalf("JWKS entry for kid = %+v", keys)
			}
			if _, err := jws.Verify(keys[0]); err != nil {
				t.Errorf("relying party cannot verify: %v", err)
			}
		})
	}
}
