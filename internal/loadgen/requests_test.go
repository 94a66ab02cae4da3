package loadgen

import (
	"encoding/json"
	"testing"
)

// TestRequestBodies pins the JSON of every request the scenarios send:
// member names and shapes as the AWS SDKs serialise them.
func TestRequestBodies(t *testing.T) {
	tests := []struct {
		name string
		in   any
		want string
	}{
		{"USER_PASSWORD_AUTH", passwordAuthIn("client1", "load-user-0000001", "Pw-1!", ""),
			`{"AuthFlow":"USER_PASSWORD_AUTH","ClientId":"client1","AuthParameters":{"PASSWORD":"Pw-1!","USERNAME":"load-user-0000001"}}`},
		{"USER_PASSWORD_AUTH with SECRET_HASH", passwordAuthIn("client1", "u", "p", "aGFzaA=="),
			`{"AuthFlow":"USER_PASSWORD_AUTH","ClientId":"client1","AuthParameters":{"PASSWORD":"p","SECRET_HASH":"aGFzaA==","USERNAME":"u"}}`},
		{"USER_SRP_AUTH", srpAuthIn("client1", "u", "abc123", ""),
			`{"AuthFlow":"USER_SRP_AUTH","ClientId":"client1","AuthParameters":{"SRP_A":"abc123","USERNAME":"u"}}`},
		{"REFRESH_TOKEN_AUTH", refreshAuthIn("client1", "eyJ.r.e.f.x", "aGFzaA=="),
			`{"AuthFlow":"REFRESH_TOKEN_AUTH","ClientId":"client1","AuthParameters":{"REFRESH_TOKEN":"eyJ.r.e.f.x","SECRET_HASH":"aGFzaA=="}}`},
		{"PASSWORD_VERIFIER", passwordVerifierIn("client1", "sess", "uid", "YmxvY2s=", "Tue Feb 3 04:05:06 UTC 2026", "c2ln", ""),
			`{"ChallengeName":"PASSWORD_VERIFIER","ClientId":"client1","Session":"sess","ChallengeResponses":{` +
				`"PASSWORD_CLAIM_SECRET_BLOCK":"YmxvY2s=","PASSWORD_CLAIM_SIGNATURE":"c2ln","TIMESTAMP":"Tue Feb 3 04:05:06 UTC 2026","USERNAME":"uid"}}`},
		{"PASSWORD_VERIFIER without Session", passwordVerifierIn("c", "", "uid", "b", "ts", "s", "h"),
			`{"ChallengeName":"PASSWORD_VERIFIER","ClientId":"c","ChallengeResponses":{` +
				`"PASSWORD_CLAIM_SECRET_BLOCK":"b","PASSWORD_CLAIM_SIGNATURE":"s","SECRET_HASH":"h","TIMESTAMP":"ts","USERNAME":"uid"}}`},
		{"ListUsers prefix", listUsersPrefixIn("us-east-1_Pool1", "username", "load-user-000001", 60),
			`{"UserPoolId":"us-east-1_Pool1","Filter":"username ^= \"load-user-000001\"","Limit":60}`},
		{"ListUsers prefix quoting", listUsersPrefixIn("p", "email", `a"b\c`, 0),
			`{"UserPoolId":"p","Filter":"email ^= \"a\\\"b\\\\c\""}`},
		{"SignUp", signUpIn{ClientId: "c", Username: "u", Password: "p"},
			`{"ClientId":"c","Username":"u","Password":"p"}`},
		{"AdminCreateUser", adminCreateUserIn{UserPoolId: "p", Username: "u", TemporaryPassword: "t", MessageAction: messageSuppress},
			`{"UserPoolId":"p","Username":"u","TemporaryPassword":"t","MessageAction":"SUPPRESS"}`},
		{"AdminSetUserPassword", adminSetUserPasswordIn{UserPoolId: "p", Username: "u", Password: "x", Permanent: true},
			`{"UserPoolId":"p","Username":"u","Password":"x","Permanent":true}`},
		{"CreateUserPoolClient", createUserPoolClientIn{UserPoolId: "p", ClientName: "n", ExplicitAuthFlows: loadFlows},
			`{"UserPoolId":"p","ClientName":"n","ExplicitAuthFlows":["ALLOW_USER_SRP_AUTH","ALLOW_USER_PASSWORD_AUTH","ALLOW_ADMIN_USER_PASSWORD_AUTH","ALLOW_REFRESH_TOKEN_AUTH"]}`},
		{"CreateIdentityPool", createIdentityPoolIn{IdentityPoolName: "n",
			CognitoIdentityProviders: []cognitoIdentityProvider{{ProviderName: identityProvider("eu-west-1", "eu-west-1_Abc"), ClientId: "c"}}},
			`{"IdentityPoolName":"n","AllowUnauthenticatedIdentities":false,"CognitoIdentityProviders":[{"ProviderName":"cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Abc","ClientId":"c"}]}`},
		{"GetId", getIdIn{IdentityPoolId: "us-east-1:0000", Logins: loginsFor("us-east-1", "us-east-1_P", "id.token.x")},
			`{"IdentityPoolId":"us-east-1:0000","Logins":{"cognito-idp.us-east-1.amazonaws.com/us-east-1_P":"id.token.x"}}`},
		{"GetCredentialsForIdentity", getCredentialsIn{IdentityId: "us-east-1:1111", Logins: map[string]string{"k": "v"}},
			`{"IdentityId":"us-east-1:1111","Logins":{"k":"v"}}`},
		{"GetUser", getUserIn{AccessToken: "a.b.c"}, `{"AccessToken":"a.b.c"}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := json.Marshal(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

// TestAuthOut reads the two answers of a sign-in as Cognito shapes them.
func TestAuthOut(t *testing.T) {
	var challenge authOut
	err := json.Unmarshal([]byte(`{"ChallengeName":"PASSWORD_VERIFIER","ChallengeParameters":{"SALT":"ab","SRP_B":"cd",
		"SECRET_BLOCK":"ZQ==","USER_ID_FOR_SRP":"u","USERNAME":"u"},"Session":"s"}`), &challenge)
	if err != nil {
		t.Fatal(err)
	}
	if challenge.ChallengeName != challengeVerifier || challenge.ChallengeParameters["SRP_B"] != "cd" || challenge.Session != "s" {
		t.Errorf("challenge read as %+v", challenge)
	}
	if wantTokens(&challenge) == nil {
		t.Error("a challenge passed for tokens")
	}
	var done authOut
	err = json.Unmarshal([]byte(`{"AuthenticationResult":{"AccessToken":"a","ExpiresIn":3600,"IdToken":"i",
		"RefreshToken":"r","TokenType":"Bearer"},"ChallengeParameters":{}}`), &done)
	if err != nil {
		t.Fatal(err)
	}
	if err := wantTokens(&done); err != nil {
		t.Errorf("tokens refused: %v", err)
	}
	done.AuthenticationResult.RefreshToken = ""
	if wantTokens(&done) == nil {
		t.Error("a result without refresh token passed")
	}
}

func TestCheckListed(t *testing.T) {
	read := func(js string) *listUsersOut {
		var out listUsersOut
		if err := json.Unmarshal([]byte(js), &out); err != nil {
			t.Fatal(err)
		}
		return &out
	}
	tests := []struct {
		name, attr, prefix, body string
		ok                       bool
	}{
		{"usernames match", "username", "load-user-000001",
			`{"Users":[{"Username":"load-user-0000010"},{"Username":"load-user-0000019"}]}`, true},
		{"none found", "username", "load-user-000001", `{"Users":[]}`, false},
		{"filter ignored", "username", "load-user-000001",
			`{"Users":[{"Username":"load-user-0000010"},{"Username":"load-user-0000020"}]}`, false},
		{"emails match", "email", "load-user-000001",
			`{"Users":[{"Username":"6f1c...","Attributes":[{"Name":"sub","Value":"6f1c"},{"Name":"email","Value":"load-user-0000011@example.com"}]}]}`, true},
		{"email missing", "email", "load-user-000001", `{"Users":[{"Username":"load-user-0000011"}]}`, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if err := checkListed(read(tc.body), tc.attr, tc.prefix); (err == nil) != tc.ok {
				t.Errorf("checkListed = %v, want ok %v", err, tc.ok)
			}
		})
	}
}
