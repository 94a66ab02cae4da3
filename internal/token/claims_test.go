package token

import (
	"encoding/json"
	"testing"
	"time"
)

const (
	testIssuer   = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123xyz"
	testSub      = "0b3c5d7e-1111-4222-8333-944445555666"
	testClientID = "4pq1ib8p0uo7tqhvhpbkbr3f0t"
)

func fullIDInput() IDInput {
	return IDInput{
		Issuer:        testIssuer,
		Sub:           testSub,
		ClientID:      testClientID,
		Username:      testSub,
		AuthTime:      t0.Add(-10 * time.Minute),
		IssuedAt:      t0,
		Expires:       t0.Add(time.Hour),
		JTI:           "6c4a2f0e-aaaa-4bbb-8ccc-ddddeeeeffff",
		OriginJTI:     "8e2d4b6a-1234-4567-89ab-cdef01234567",
		EventID:       "1a2b3c4d-0000-4000-8000-000000000001",
		Groups:        []string{"admins", "readers"},
		Roles:         []string{"arn:aws:iam::000000000000:role/Admins", "arn:aws:iam::000000000000:role/Readers"},
		PreferredRole: "arn:aws:iam::000000000000:role/Admins",
		Attributes: map[string]string{
			"sub":                   "attribute-must-not-win",
			"email":                 "ada@example.com",
			"email_verified":        "true",
			"phone_number":          "+15555550100",
			"phone_number_verified": "false",
			"given_name":            "Ada",
			"custom:tenant":         "42",
			"custom:flag":           "true",
			"dev:custom:secret":     "never in a token",
			"cognito:user_status":   "CONFIRMED",
		},
	}
}

func TestClaimsGolden(t *testing.T) {
	federated := IDInput{
		Issuer: testIssuer, Sub: testSub, ClientID: testClientID,
		Username: "Google_117345678901234567890",
		IssuedAt: t0, Expires: t0.Add(time.Hour),
		Attributes: map[string]string{
			"email":      "ada@example.com",
			"identities": `[{"userId":"117345678901234567890","providerName":"Google","providerType":"Google","issuer":null,"primary":"true","dateCreated":"1767225600000"}]`,
		},
	}
	cases := []struct {
		name   string
		claims map[string]any
	}{
		{"id-full", IDClaims(fullIDInput())},
		{"id-minimal", IDClaims(IDInput{
			Issuer: testIssuer, Sub: testSub, ClientID: testClientID, Username: "ada",
			IssuedAt: t0, Expires: t0.Add(time.Hour),
		})},
		{"id-federated", IDClaims(federated)},
		{"access-api", AccessClaims(AccessInput{
			Issuer: testIssuer, Sub: testSub, ClientID: testClientID, Username: testSub,
			AuthTime: t0.Add(-10 * time.Minute), IssuedAt: t0, Expires: t0.Add(time.Hour),
			JTI: "6c4a2f0e-aaaa-4bbb-8ccc-ddddeeeeffff", OriginJTI: "8e2d4b6a-1234-4567-89ab-cdef01234567",
			EventID: "1a2b3c4d-0000-4000-8000-000000000001",
			Groups:  []string{"admins"}, Scope: "aws.cognito.signin.user.admin",
			DeviceKey: "us-east-1_0c6a3c6e-7d3f-4c55-9a8b-0123456789ab",
		})},
		{"access-oauth", AccessClaims(AccessInput{
			Issuer: testIssuer, Sub: testSub, ClientID: testClientID, Username: testSub,
			IssuedAt: t0, Expires: t0.Add(time.Hour),
			JTI: "6c4a2f0e-aaaa-4bbb-8ccc-ddddeeeeffff", OriginJTI: "8e2d4b6a-1234-4567-89ab-cdef01234567",
			EventID: "1a2b3c4d-0000-4000-8000-000000000001",
			Scope:   "openid profile email", Version: 2,
		})},
		{"access-client-credentials", AccessClaims(AccessInput{
			Issuer: testIssuer, Sub: testClientID, ClientID: testClientID,
			IssuedAt: t0, Expires: t0.Add(time.Hour),
			JTI:   "6c4a2f0e-aaaa-4bbb-8ccc-ddddeeeeffff",
			Scope: "orders/read orders/write", Version: 2,
		})},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b, err := json.MarshalIndent(tc.claims, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden(t, tc.name+".json", append(b, '\n'))
		})
	}
}

// TestClaimsShape spells out the Cognito rules the goldens encode, so a
// regenerated golden cannot quietly break them.
func TestClaimsShape(t *testing.T) {
	id := IDClaims(fullIDInput())
	idMin := IDClaims(IDInput{Sub: testSub, IssuedAt: t0, Expires: t0.Add(time.Hour)})
	access := accessClaimsAt(t0)
	oauth := AccessClaims(AccessInput{Sub: testSub, IssuedAt: t0, Expires: t0.Add(time.Hour), Version: 2, DeviceKey: "dk"})

	type check struct {
		name   string
		claims map[string]any
		claim  string
		want   any // nil: claim must be absent
	}
	checks := []check{
		{"id token_use", id, "token_use", "id"},
		{"id aud is the client id, a string", id, "aud", testClientID},
		{"id cognito:username", id, "cognito:username", testSub},
		{"id sub not overwritten by attribute", id, "sub", testSub},
		{"id email_verified is a boolean", id, "email_verified", true},
		{"id phone_number_verified is a boolean", id, "phone_number_verified", false},
		{"id custom attribute stays a string", id, "custom:flag", "true"},
		{"id auth_time integer seconds", id, "auth_time", t0.Add(-10 * time.Minute).Unix()},
		{"id iat integer seconds", id, "iat", t0.Unix()},
		{"id exp integer seconds", id, "exp", t0.Add(time.Hour).Unix()},
		{"id preferred role", id, "cognito:preferred_role", "arn:aws:iam::000000000000:role/Admins"},
		{"id no client_id", id, "client_id", nil},
		{"id no dev attributes", id, "dev:custom:secret", nil},
		{"id no cognito pseudo attributes", id, "cognito:user_status", nil},
		{"id without groups has no cognito:groups", idMin, "cognito:groups", nil},
		{"id without roles has no cognito:roles", idMin, "cognito:roles", nil},
		{"id without preferred role", idMin, "cognito:preferred_role", nil},
		{"id auth_time defaults to iat", idMin, "auth_time", t0.Unix()},
		{"access token_use", access, "token_use", "access"},
		{"access client_id", access, "client_id", testClientID},
		{"access has no aud", access, "aud", nil},
		{"access username", access, "username", testSub},
		{"access scope", access, "scope", "aws.cognito.signin.user.admin"},
		{"access without version", access, "version", nil},
		{"access without groups", access, "cognito:groups", nil},
		{"access without device", access, "device_key", nil},
		{"oauth access version", oauth, "version", 2},
		{"oauth access device_key", oauth, "device_key", "dk"},
		{"oauth access without username", oauth, "username", nil},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			got, ok := c.claims[c.claim]
			switch {
			case c.want == nil && ok:
				t.Errorf("%s = %#v, want absent", c.claim, got)
			case c.want != nil && got != c.want:
				t.Errorf("%s = %#v (%T), want %#v (%T)", c.claim, got, got, c.want, c.want)
			}
		})
	}
	if g, _ := id["cognito:groups"].([]string); len(g) != 2 {
		t.Errorf("cognito:groups = %#v", id["cognito:groups"])
	}
}
