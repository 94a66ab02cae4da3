package e2e

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"path/filepath"
	"strings"
	"testing"
	"time"

	jose "github.com/go-jose/go-jose/v4"

	"github.com/incognito-idp/incognito/internal/secret"
	"github.com/incognito-idp/incognito/internal/token"
)

// poolKeys opens a pool's signing keys the way the server does (the
// master key file in the data directory), so the tests can mint tokens
// with a valid signature and chosen claims.
func poolKeys(t *testing.T, env *Env, poolID string) []token.Key {
	t.Helper()
	master, err := secret.LoadOrCreateKeyFile(filepath.Join(env.App.Config.DataDir, "master.key"))
	if err != nil {
		t.Fatal(err)
	}
	sealer, err := secret.New(master)
	if err != nil {
		t.Fatal(err)
	}
	keySealer := sealer.Derive("signing-keys")
	records, err := env.App.Store.ListKeys(env.Ctx, poolID)
	if err != nil {
		t.Fatal(err)
	}
	var keys []token.Key
	for _, r := range records {
		raw, err := keySealer.Open(r.Data, []byte(r.PoolID+"/"+r.KeyID))
		if err != nil {
			t.Fatalf("opening key %s: %v", r.KeyID, err)
		}
		k, err := token.UnmarshalKey(raw)
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, k)
	}
	if len(keys) < 2 {
		t.Fatalf("pool %s has %d keys", poolID, len(keys))
	}
	return keys
}

func keyOf(t *testing.T, keys []token.Key, use string) token.Key {
	t.Helper()
	for _, k := range keys {
		if k.Use == use {
			return k
		}
	}
	t.Fatalf("no %s key", use)
	return token.Key{}
}

// signJWT signs claims with key under alg, with kid in the header.
func signJWT(t *testing.T, alg jose.SignatureAlgorithm, key any, kid string, claims map[string]any, embed bool) string {
	t.Helper()
	opts := &jose.SignerOptions{EmbedJWK: embed}
	if kid != "" {
		opts.WithHeader("kid", kid)
	}
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: alg, Key: key}, opts)
	if err != nil {
		t.Fatal(err)
	}
	payload, _ := json.Marshal(claims)
	obj, err := signer.Sign(payload)
	if err != nil {
		t.Fatal(err)
	}
	out, err := obj.CompactSerialize()
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func b64(v any) string {
	raw, _ := json.Marshal(v)
	return base64.RawURLEncoding.EncodeToString(raw)
}

// plainClaims decodes a token's claims with float64 numbers, ready to be
// re-signed.
func plainClaims(t *testing.T, tok string) map[string]any {
	t.Helper()
	raw, err := base64.RawURLEncoding.DecodeString(strings.Split(tok, ".")[1])
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestJWTAttacks(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		poolID := userPool(t, env, nil)
		c := authClient(t, env, poolID, nil)
		confirmedUser(t, env, poolID, "gus", goodPassword)
		confirmedUser(t, env, poolID, "hal", goodPassword)
		r := c.mustPassword(t, "gus", goodPassword)
		access := *r.AccessToken
		keys := poolKeys(t, env, poolID)
		accessKey, idKey := keyOf(t, keys, token.UseAccess), keyOf(t, keys, token.UseID)
		claims := plainClaims(t, access)
		hdr, _ := jwtParts(t, access)
		kid, _ := hdr["kid"].(string)
		parts := strings.Split(access, ".")

		// A token minted here with the real access key and unchanged
		// claims is accepted: the cases below fail for their one flaw.
		if _, err := c.getUser(signJWT(t, jose.RS256, accessKey.Private, accessKey.ID, claims, false)); err != nil {
			t.Fatalf("control token refused: %v", err)
		}

		otherPool := userPool(t, env, nil)
		oc := authClient(t, env, otherPool, nil)
		confirmedUser(t, env, otherPool, "gus", goodPassword)
		or := oc.mustPassword(t, "gus", goodPassword)
		otherKeys := poolKeys(t, env, otherPool)
		otherAccess := keyOf(t, otherKeys, token.UseAccess)

		with := func(changes map[string]any) map[string]any {
			m := map[string]any{}
			for k, v := range claims {
				m[k] = v
			}
			for k, v := range changes {
				if v == nil {
					delete(m, k)
				} else {
					m[k] = v
				}
			}
			return m
		}
		pubDER, _ := x509.MarshalPKIXPublicKey(&accessKey.Private.PublicKey)
		pubPEM := pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: pubDER})
		attacker, _ := rsa.GenerateKey(rand.Reader, 2048)
		now := time.Now().Unix()

		cases := map[string]struct {
			token string
			msg   string
		}{
			"alg none":                      {b64(map[string]any{"alg": "none", "kid": kid}) + "." + parts[1] + ".", "Invalid Access Token"},
			"alg none, signature kept":      {b64(map[string]any{"alg": "none", "kid": kid}) + "." + parts[1] + "." + parts[2], "Invalid Access Token"},
			"unknown kid":                   {b64(map[string]any{"alg": "RS256", "kid": "no-such-kid"}) + "." + parts[1] + "." + parts[2], "Invalid Access Token"},
			"no kid":                        {b64(map[string]any{"alg": "RS256"}) + "." + parts[1] + "." + parts[2], "Invalid Access Token"},
			"attacker key, real kid":        {signJWT(t, jose.RS256, attacker, kid, claims, false), "Invalid Access Token"},
			"attacker key embedded":         {signJWT(t, jose.RS256, attacker, kid, claims, true), "Invalid Access Token"},
			"HS256 with the PEM public key": {signJWT(t, jose.HS256, pubPEM, kid, claims, false), "Invalid Access Token"},
			"HS256 with the DER public key": {signJWT(t, jose.HS256, pubDER, kid, claims, false), "Invalid Access Token"},
			"HS256 with the modulus":        {signJWT(t, jose.HS256, accessKey.Private.PublicKey.N.Bytes(), kid, claims, false), "Invalid Access Token"},
			"RS512 with the real key":       {signJWT(t, jose.RS512, accessKey.Private, kid, claims, false), "Invalid Access Token"},
			"PS256 with the real key":       {signJWT(t, jose.PS256, accessKey.Private, kid, claims, false), "Invalid Access Token"},
			"tampered username":             {parts[0] + "." + b64(with(map[string]any{"username": "hal"})) + "." + parts[2], "Invalid Access Token"},
			"tampered exp":                  {parts[0] + "." + b64(with(map[string]any{"exp": now + 86400*365})) + "." + parts[2], "Invalid Access Token"},
			"signature cut":                 {parts[0] + "." + parts[1] + ".", "Invalid Access Token"},
			"expired": {signJWT(t, jose.RS256, accessKey.Private, accessKey.ID,
				with(map[string]any{"iat": now - 7200, "exp": now - 3600, "auth_time": now - 7200}), false), "Access Token has expired"},
			"issued in the future": {signJWT(t, jose.RS256, accessKey.Private, accessKey.ID,
				with(map[string]any{"iat": now + 3600, "exp": now + 7200}), false), "Invalid Access Token"},
			"ID token":                    {*r.IdToken, "Invalid Access Token"},
			"ID key, token_use access":    {signJWT(t, jose.RS256, idKey.Private, idKey.ID, claims, false), "Invalid Access Token"},
			"access key, token_use id":    {signJWT(t, jose.RS256, accessKey.Private, accessKey.ID, with(map[string]any{"token_use": "id"}), false), "Invalid Access Token"},
			"no scope":                    {signJWT(t, jose.RS256, accessKey.Private, accessKey.ID, with(map[string]any{"scope": nil}), false), "Invalid Access Token"},
			"OAuth scope only":            {signJWT(t, jose.RS256, accessKey.Private, accessKey.ID, with(map[string]any{"scope": "openid email"}), false), "Invalid Access Token"},
			"another pool's key, our iss": {signJWT(t, jose.RS256, otherAccess.Private, otherAccess.ID, claims, false), "Invalid Access Token"},
			"our key, another pool's iss": {signJWT(t, jose.RS256, accessKey.Private, accessKey.ID,
				with(map[string]any{"iss": env.URL + "/" + otherPool}), false), "Invalid Access Token"},
			"another pool's token, our iss": {func() string {
				p := strings.Split(*or.AccessToken, ".")
				return p[0] + "." + b64(with(map[string]any{"iss": env.URL + "/" + poolID})) + "." + p[2]
			}(), "Invalid Access Token"},
			"foreign issuer": {signJWT(t, jose.RS256, accessKey.Private, accessKey.ID,
				with(map[string]any{"iss": "https://evil.example/" + poolID}), false), "Invalid Access Token"},
			"iss not a string": {signJWT(t, jose.RS256, accessKey.Private, accessKey.ID, with(map[string]any{"iss": 42}), false), "Invalid Access Token"},
			"exp not a number": {signJWT(t, jose.RS256, accessKey.Private, accessKey.ID, with(map[string]any{"exp": "tomorrow"}), false), "Invalid Access Token"},
			"no exp":           {signJWT(t, jose.RS256, accessKey.Private, accessKey.ID, with(map[string]any{"exp": nil}), false), "Invalid Access Token"},
			"unknown session":  {signJWT(t, jose.RS256, accessKey.Private, accessKey.ID, with(map[string]any{"origin_jti": "0b3c2a3e-1d7b-4f7e-9b8e-4c3f2a1d0e9f"}), false), "Access Token has been revoked"},
			"not a JWT":        {"abc", "Invalid Access Token"},
			"five parts":       {access + ".x.y", "Invalid Access Token"},
			"huge":             {parts[0] + "." + strings.Repeat("A", 300<<10) + "." + parts[2], "Invalid Access Token"},
		}
		for name, tc := range cases {
			t.Run(name, func(t *testing.T) {
				_, err := c.getUser(tc.token)
				wantAPIError(t, err, "NotAuthorizedException", tc.msg)
			})
		}
		// The real token still works, and the other pool's own token
		// works there.
		if _, err := c.getUser(access); err != nil {
			t.Fatalf("the genuine token: %v", err)
		}
		if _, err := oc.getUser(*or.AccessToken); err != nil {
			t.Fatalf("the other pool's genuine token: %v", err)
		}
	})
}
