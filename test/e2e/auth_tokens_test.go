package e2e

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
	jose "github.com/go-jose/go-jose/v4"

	"github.com/incognito-idp/incognito/internal/config"
)

// fetchJSON GETs a URL and decodes its JSON body, failing unless the status
// is want.
func fetchJSON(t *testing.T, url string, want int, into any) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != want {
		t.Fatalf("GET %s: status %d, want %d: %s", url, resp.StatusCode, want, body)
	}
	if into != nil {
		if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
			t.Errorf("GET %s: Content-Type %q", url, ct)
		}
		if err := json.Unmarshal(body, into); err != nil {
			t.Fatalf("GET %s: %v: %s", url, err, body)
		}
	}
}

// verifyWithJWKS checks a token's RS256 signature against the pool's
// published keys and returns the kid that verified it.
func verifyWithJWKS(t *testing.T, jwks *jose.JSONWebKeySet, token string) string {
	t.Helper()
	jws, err := jose.ParseSigned(token, []jose.SignatureAlgorithm{jose.RS256})
	if err != nil {
		t.Fatalf("parsing token: %v", err)
	}
	kid := jws.Signatures[0].Header.KeyID
	keys := jwks.Key(kid)
	if len(keys) != 1 {
		t.Fatalf("kid %q: %d keys in the JWKS", kid, len(keys))
	}
	if _, err := jws.Verify(keys[0].Key); err != nil {
		t.Fatalf("token does not verify with the JWKS key %s: %v", kid, err)
	}
	return kid
}

// intClaim reads an integer claim (decoded as json.Number), failing on
// fractions and other types.
func intClaim(t *testing.T, claims map[string]any, name string) int64 {
	t.Helper()
	n, ok := claims[name].(json.Number)
	if !ok {
		t.Fatalf("claim %s = %#v, want an integer", name, claims[name])
	}
	v, err := n.Int64()
	if err != nil {
		t.Fatalf("claim %s = %s, want an integer: %v", name, n, err)
	}
	return v
}

func stringList(v any) []string {
	list, _ := v.([]any)
	out := []string{}
	for _, x := range list {
		s, _ := x.(string)
		out = append(out, s)
	}
	return out
}

func TestTokenClaims(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		poolID := userPool(t, env, func(in *cip.CreateUserPoolInput) {
			in.Schema = []types.SchemaAttributeType{
				{Name: aws.String("team"), AttributeDataType: types.AttributeDataTypeString, Mutable: aws.Bool(true)},
				{Name: aws.String("level"), AttributeDataType: types.AttributeDataTypeNumber, Mutable: aws.Bool(true)},
			}
		})
		c := authClient(t, env, poolID, func(in *cip.CreateUserPoolClientInput) {
			in.AccessTokenValidity = aws.Int32(30)
			in.IdTokenValidity = aws.Int32(2)
			in.TokenValidityUnits = &types.TokenValidityUnitsType{AccessToken: types.TimeUnitsTypeMinutes, IdToken: types.TimeUnitsTypeHours}
			in.ReadAttributes = []string{"email", "email_verified", "phone_number", "phone_number_verified", "custom:team", "custom:level"}
		})
		u := confirmedUser(t, env, poolID, "ella", goodPassword, "email", "ella@example.com", "email_verified", "true",
			"phone_number", "+15555550100", "phone_number_verified", "false",
			"name", "Ella", "custom:team", "blue", "custom:level", "7")
		sub, _ := attrValue(u.Attributes, "sub")
		group := func(name string, precedence int32, role string) {
			in := &cip.CreateGroupInput{UserPoolId: aws.String(poolID), GroupName: aws.String(name)}
			if precedence >= 0 {
				in.Precedence = aws.Int32(precedence)
			}
			if role != "" {
				in.RoleArn = aws.String(role)
			}
			if _, err := env.IDP.CreateGroup(env.Ctx, in); err != nil {
				t.Fatalf("CreateGroup %s: %v", name, err)
			}
			if _, err := env.IDP.AdminAddUserToGroup(env.Ctx, &cip.AdminAddUserToGroupInput{UserPoolId: aws.String(poolID),
				Username: aws.String("ella"), GroupName: aws.String(name)}); err != nil {
				t.Fatalf("AdminAddUserToGroup %s: %v", name, err)
			}
		}
		const roleA, roleB = "arn:aws:iam::123456789012:role/a", "arn:aws:iam::123456789012:role/b"
		group("readers", 5, roleA)
		group("admins", 1, roleB)
		group("plain", -1, "")

		before := time.Now().Unix()
		r := c.mustPassword(t, "ella", goodPassword)
		after := time.Now().Unix()
		if r.ExpiresIn != 1800 {
			t.Errorf("ExpiresIn %d, want 1800 (30 minutes)", r.ExpiresIn)
		}
		issuer := env.URL + "/" + poolID

		idHeader, id := jwtParts(t, *r.IdToken)
		acHeader, ac := jwtParts(t, *r.AccessToken)
		for name, h := range map[string]map[string]any{"id": idHeader, "access": acHeader} {
			if h["alg"] != "RS256" || h["kid"] == nil || h["typ"] != nil || len(h) != 2 {
				t.Errorf("%s token header %v, want just kid and alg RS256", name, h)
			}
		}
		if idHeader["kid"] == acHeader["kid"] {
			t.Errorf("ID and access tokens share kid %v; Cognito signs them with different keys", idHeader["kid"])
		}

		wantID := map[string]any{
			"sub": sub, "iss": issuer, "aud": c.clientID, "token_use": "id", "cognito:username": "ella",
			"email": "ella@example.com", "email_verified": true, "phone_number": "+15555550100",
			"phone_number_verified": false, "custom:team": "blue", "custom:level": "7",
			"cognito:preferred_role": roleB,
		}
		for k, v := range wantID {
			if id[k] != v {
				t.Errorf("ID token %s = %#v, want %#v", k, id[k], v)
			}
		}
		for _, absent := range []string{"name", "client_id", "scope", "username", "version"} {
			if _, ok := id[absent]; ok {
				t.Errorf("ID token carries %s = %v", absent, id[absent])
			}
		}
		sameJSON(t, "cognito:groups", stringList(id["cognito:groups"]), []string{"admins", "readers", "plain"})
		sameJSON(t, "cognito:roles", stringList(id["cognito:roles"]), []string{roleB, roleA})

		wantAccess := map[string]any{
			"sub": sub, "iss": issuer, "client_id": c.clientID, "token_use": "access",
			"scope": "aws.cognito.signin.user.admin", "username": "ella",
		}
		for k, v := range wantAccess {
			if ac[k] != v {
				t.Errorf("access token %s = %#v, want %#v", k, ac[k], v)
			}
		}
		for _, absent := range []string{"aud", "email", "cognito:username", "cognito:roles", "cognito:preferred_role", "version", "device_key"} {
			if _, ok := ac[absent]; ok {
				t.Errorf("access token carries %s = %v", absent, ac[absent])
			}
		}
		sameJSON(t, "access cognito:groups", stringList(ac["cognito:groups"]), []string{"admins", "readers", "plain"})

		for name, claims := range map[string]map[string]any{"id": id, "access": ac} {
			iat, exp, authTime := intClaim(t, claims, "iat"), intClaim(t, claims, "exp"), intClaim(t, claims, "auth_time")
			if iat < before || iat > after || authTime != iat {
				t.Errorf("%s token: iat %d auth_time %d, signed in between %d and %d", name, iat, authTime, before, after)
			}
			want := int64(7200)
			if name == "access" {
				want = 1800
			}
			if exp-iat != want {
				t.Errorf("%s token lives %d s, want %d", name, exp-iat, want)
			}
			for _, idc := range []string{"jti", "origin_jti", "event_id"} {
				if s, _ := claims[idc].(string); !uuidV4.MatchString(s) {
					t.Errorf("%s token %s = %v, want a UUID", name, idc, claims[idc])
				}
			}
		}
		if id["jti"] == ac["jti"] {
			t.Error("ID and access tokens share a jti")
		}
		if id["origin_jti"] != ac["origin_jti"] || id["event_id"] != ac["event_id"] {
			t.Error("ID and access tokens of one sign-in differ in origin_jti or event_id")
		}
		second := c.mustPassword(t, "ella", goodPassword)
		if claimsOf(t, *second.AccessToken)["origin_jti"] == ac["origin_jti"] || claimsOf(t, *second.AccessToken)["event_id"] == ac["event_id"] {
			t.Error("two sign-ins share origin_jti or event_id")
		}

		// Default validity: one hour for both, in hours.
		d := authClient(t, env, poolID, nil)
		dr := d.mustPassword(t, "ella", goodPassword)
		if dr.ExpiresIn != 3600 {
			t.Errorf("default ExpiresIn %d", dr.ExpiresIn)
		}
		for _, tok := range []string{*dr.AccessToken, *dr.IdToken} {
			cl := claimsOf(t, tok)
			if intClaim(t, cl, "exp")-intClaim(t, cl, "iat") != 3600 {
				t.Errorf("default lifetime %d", intClaim(t, cl, "exp")-intClaim(t, cl, "iat"))
			}
		}
		// Without ReadAttributes the client reads every attribute.
		if got := claimsOf(t, *dr.IdToken)["name"]; got != "Ella" {
			t.Errorf("name claim for a client without ReadAttributes: %v", got)
		}
		// Validity in seconds and days.
		s := authClient(t, env, poolID, func(in *cip.CreateUserPoolClientInput) {
			in.AccessTokenValidity = aws.Int32(900)
			in.IdTokenValidity = aws.Int32(1)
			in.TokenValidityUnits = &types.TokenValidityUnitsType{AccessToken: types.TimeUnitsTypeSeconds, IdToken: types.TimeUnitsTypeDays}
		})
		sr := s.mustPassword(t, "ella", goodPassword)
		if sr.ExpiresIn != 900 {
			t.Errorf("ExpiresIn %d, want 900", sr.ExpiresIn)
		}
		if cl := claimsOf(t, *sr.IdToken); intClaim(t, cl, "exp")-intClaim(t, cl, "iat") != 86400 {
			t.Errorf("one-day ID token lives %d s", intClaim(t, cl, "exp")-intClaim(t, cl, "iat"))
		}

		// Refresh keeps auth_time and the groups.
		time.Sleep(1100 * time.Millisecond)
		ref, err := c.refresh("ella", *r.RefreshToken)
		if err != nil {
			t.Fatal(err)
		}
		rid := claimsOf(t, *ref.AuthenticationResult.IdToken)
		if intClaim(t, rid, "auth_time") != intClaim(t, id, "auth_time") || intClaim(t, rid, "iat") <= intClaim(t, id, "iat") {
			t.Errorf("refreshed ID token: auth_time %v iat %v; first auth_time %v iat %v", rid["auth_time"], rid["iat"], id["auth_time"], id["iat"])
		}
		if rid["cognito:preferred_role"] != roleB {
			t.Errorf("refreshed ID token preferred role %v", rid["cognito:preferred_role"])
		}

		// Both tokens verify against the published JWKS.
		var jwks jose.JSONWebKeySet
		fetchJSON(t, issuer+"/.well-known/jwks.json", 200, &jwks)
		if len(jwks.Keys) < 2 {
			t.Fatalf("JWKS has %d keys", len(jwks.Keys))
		}
		var raw struct {
			Keys []map[string]any `json:"keys"`
		}
		fetchJSON(t, issuer+"/.well-known/jwks.json", 200, &raw)
		for _, k := range raw.Keys {
			if k["kty"] != "RSA" || k["alg"] != "RS256" || k["use"] != "sig" || k["e"] != "AQAB" || k["n"] == nil || k["kid"] == nil {
				t.Errorf("JWK %v", k)
			}
			if _, private := k["d"]; private {
				t.Fatal("the JWKS publishes a private key")
			}
		}
		for _, tok := range []string{*r.IdToken, *r.AccessToken, *ref.AuthenticationResult.AccessToken} {
			verifyWithJWKS(t, &jwks, tok)
		}

		// OpenID discovery points at the same issuer and keys.
		var doc map[string]any
		fetchJSON(t, issuer+"/.well-known/openid-configuration", 200, &doc)
		if doc["issuer"] != issuer || doc["jwks_uri"] != issuer+"/.well-known/jwks.json" {
			t.Errorf("openid-configuration issuer %v jwks_uri %v", doc["issuer"], doc["jwks_uri"])
		}
		sameJSON(t, "id_token_signing_alg_values_supported", doc["id_token_signing_alg_values_supported"], []string{"RS256"})
		sameJSON(t, "subject_types_supported", doc["subject_types_supported"], []string{"public"})
		for _, k := range []string{"authorization_endpoint", "token_endpoint", "userinfo_endpoint", "response_types_supported", "scopes_supported"} {
			if doc[k] == nil {
				t.Errorf("openid-configuration lacks %s", k)
			}
		}
		if s, _ := doc["userinfo_endpoint"].(string); !strings.HasSuffix(s, "/oauth2/userInfo") {
			t.Errorf("userinfo_endpoint %v", doc["userinfo_endpoint"])
		}

		// Unknown pools have neither.
		fetchJSON(t, env.URL+"/us-east-1_Nope12345/.well-known/jwks.json", 404, nil)
		fetchJSON(t, env.URL+"/us-east-1_Nope12345/.well-known/openid-configuration", 404, nil)
		// Another pool has its own keys.
		other := userPool(t, env, nil)
		var otherKeys jose.JSONWebKeySet
		fetchJSON(t, env.URL+"/"+other+"/.well-known/jwks.json", 200, &otherKeys)
		for _, k := range otherKeys.Keys {
			if len(jwks.Key(k.KeyID)) != 0 {
				t.Errorf("pools share key %s", k.KeyID)
			}
		}
	})
}

func TestAWSIssuerStyle(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			env := start(t, b, func(c *config.Config) { c.IssuerStyle = "aws" })
			poolID := userPool(t, env, nil)
			c := authClient(t, env, poolID, nil)
			confirmedUser(t, env, poolID, "finn", goodPassword)
			r := c.mustSRP(t, "finn", goodPassword)
			want := "https://cognito-idp.us-east-1.amazonaws.com/" + poolID
			for _, tok := range []string{*r.IdToken, *r.AccessToken} {
				if got := claimsOf(t, tok)["iss"]; got != want {
					t.Errorf("iss %v, want %s", got, want)
				}
			}
			if _, err := c.getUser(*r.AccessToken); err != nil {
				t.Fatalf("GetUser with an AWS-style issuer: %v", err)
			}
			if _, err := c.refresh("finn", *r.RefreshToken); err != nil {
				t.Fatalf("refresh with an AWS-style issuer: %v", err)
			}
			var doc map[string]any
			fetchJSON(t, env.URL+"/"+poolID+"/.well-known/openid-configuration", 200, &doc)
			if doc["issuer"] != want {
				t.Errorf("openid-configuration issuer %v", doc["issuer"])
			}
			// The keys are served by Incognito itself.
			jwksURI, _ := doc["jwks_uri"].(string)
			if !strings.HasPrefix(jwksURI, env.URL+"/") {
				t.Errorf("jwks_uri %q is not served here", jwksURI)
			}
			var jwks jose.JSONWebKeySet
			fetchJSON(t, jwksURI, 200, &jwks)
			verifyWithJWKS(t, &jwks, *r.IdToken)
			verifyWithJWKS(t, &jwks, *r.AccessToken)
		})
	}
}
