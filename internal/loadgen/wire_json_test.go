package loadgen

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// TestDecodeAnswers: the members the scenarios check are read from
// answers of the shapes Cognito-compatible servers send.
func TestDecodeAnswers(t *testing.T) {
	var auth authOut
	data := `{"AuthenticationResult":{"AccessToken":"a.b.c","ExpiresIn":3600,"IdToken":"i.d.t","NewDeviceMetadata":null,` +
		`"RefreshToken":"r.e.f","TokenType":"Bearer"},"ChallengeParameters":{}}`
	if err := decodeBody([]byte(data), &auth); err != nil {
		t.Fatal(err)
	}
	if wantTokens(&auth) != nil || *auth.AuthenticationResult != (authResult{"a.b.c", "i.d.t", "r.e.f"}) {
		t.Errorf("tokens read as %+v", auth.AuthenticationResult)
	}

	var challenge authOut
	data = `{"ChallengeName":"PASSWORD_VERIFIER","ChallengeParameters":{"SALT":"ab","SECRET_BLOCK":"ZQ==","SRP_B":"cd",` +
		`"USER_ID_FOR_SRP":"u","USERNAME":"u"},"Session":"s"}`
	if err := decodeBody([]byte(data), &challenge); err != nil {
		t.Fatal(err)
	}
	if challenge.ChallengeName != challengeVerifier || challenge.Session != "s" || challenge.AuthenticationResult != nil ||
		challenge.ChallengeParameters["SRP_B"] != "cd" || len(challenge.ChallengeParameters) != 5 {
		t.Errorf("challenge read as %+v", challenge)
	}
	if wantTokens(&challenge) == nil {
		t.Error("a challenge passes for tokens")
	}

	var users listUsersOut
	data = `{"Users":[{"Attributes":[{"Name":"sub","Value":"0b7e"},{"Name":"email","Value":"a@example.com"}],` +
		`"Enabled":true,"UserCreateDate":1.7e9,"Username":"load-user-0000010"},{"Attributes":[],"Username":"load-user-0000011"}],` +
		`"PaginationToken":"x"}`
	if err := decodeBody([]byte(data), &users); err != nil {
		t.Fatal(err)
	}
	want := listUsersOut{Users: []listedUser{
		{Username: "load-user-0000010", Attributes: []attribute{{"sub", "0b7e"}, {"email", "a@example.com"}}},
		{Username: "load-user-0000011", Attributes: []attribute{}},
	}, PaginationToken: "x"}
	if !reflect.DeepEqual(users, want) {
		t.Errorf("users read as %+v", users)
	}

	var creds getCredentialsOut
	data = `{"IdentityId":"us-east-1:1111","Credentials":{"AccessKeyId":"AK","Expiration":1.7e9,"SecretKey":"s","SessionToken":"t"}}`
	if err := decodeBody([]byte(data), &creds); err != nil {
		t.Fatal(err)
	}
	if creds.IdentityId != "us-east-1:1111" || creds.Credentials.AccessKeyId != "AK" || creds.Credentials.SecretKey != "s" ||
		creds.Credentials.SessionToken != "t" {
		t.Errorf("credentials read as %+v", creds)
	}
}

// answers are bodies of the shapes the scenarios read, and some awkward
// ones; badAnswers are not JSON, or hold a member of the wrong type.
var (
	answers = []string{
		` { "Username" : "load-user-0000001" , "UserAttributes" : [ { "Name" : "sub" , "Value" : "0b7e" } ] , "MFAOptions" : null } `,
		`{"Username":"\u00e9t\u00e9 \ud83d\ude00 \"q\" \\ \/ \b\f\n\r\t","Extra":[1,-2.5e+3,0.1E-2,true,false,null,"s",[],{}]}`,
		`{"Username":"bad \ud800 surrogate","Username":"last wins"}`,
		`{"UserSub":"6f1c","CodeDeliveryDetails":null,"UserConfirmed":false}`,
		`{"IdentityId":"us-east-1:1111"}`,
		`{"AuthenticationResult":{"AccessToken":"a"},"AuthenticationResult":{"IdToken":"i"}}`,
		`{"AuthenticationResult":{"AccessToken":"a"},"AuthenticationResult":null}`,
		`{"ChallengeParameters":{"A":"1","A":null,"B":"2"},"ChallengeParameters":{"C":"3"}}`,
		`{"ChallengeParameters":null,"Session":null}`,
		`null`, `{}`, "\t{}\n", `{"Username":"ünïcödé"}`,
		`{"Users":[]}`, `{"Users":null}`, `{"Users":[null,{"Attributes":null},{}]}`,
		`{"Users":[{"Username":"a","Attributes":[{"Name":"n"}]},{"Username":"b"}],"Users":[{"Attributes":[{"Value":"v"},{}]}]}`,
	}
	badAnswers = []string{
		``, ` `, `[]`, `"s"`, `1`, `{`, `{"Username"}`, `{"Username":}`, `{"Username":"x",}`, `{"Username":"x"}}`,
		`{"Username":"x"} {}`, `{"Username":5}`, `{"Username":{}}`, `{"AuthenticationResult":"x"}`,
		`{"AuthenticationResult":{"AccessToken":1}}`, `{"ChallengeParameters":[]}`, `{"ChallengeParameters":{"A":1}}`,
		`{"Credentials":"x"}`, `{"Credentials":{"SecretKey":false}}`, `{"X":01}`, `{"X":1.}`, `{"X":.5}`, `{"X":tru}`,
		`{"Users":{}}`, `{"Users":[1]}`, `{"Users":[{"Attributes":{}}]}`, `{"Users":[{"Attributes":[{"Name":2}]}]}`,
		`{"X":"\x"}`, `{"X":"\u12"}`, "{\"X\":\"a\x01b\"}", `{"X":"open}`, `{'X':1}`, `{X:1}`, `{"X":[1,]}`,
		"\xef\xbb\xbf{}", strings.Repeat("[", 20000) + strings.Repeat("]", 20000),
	}
)

// answerTypes are the answers the scenarios read, fresh.
func answerTypes() []any {
	return []any{&authOut{}, &getUserOut{}, &signUpOut{}, &getIdOut{}, &getCredentialsOut{}, &listUsersOut{}}
}

// TestDecodeLikeEncodingJSON: answers are read as encoding/json reads
// them, and refused when it refuses them.
func TestDecodeLikeEncodingJSON(t *testing.T) {
	for _, data := range append(answers, badAnswers...) {
		for _, out := range answerTypes() {
			want := reflect.New(reflect.TypeOf(out).Elem()).Interface()
			wantErr := json.Unmarshal([]byte(data), want)
			err := decodeBody([]byte(data), out)
			if (err != nil) != (wantErr != nil) {
				t.Errorf("%T of %.60q: error %v, encoding/json's %v", out, data, err, wantErr)
				continue
			}
			if err == nil && !reflect.DeepEqual(out, want) {
				t.Errorf("%T of %s:\nread      %+v\nunmarshal %+v", out, data, out, want)
			}
		}
	}
}

// TestAppendBody: bodies are appended to what the buffer holds.
func TestAppendBody(t *testing.T) {
	got, err := appendBody([]byte("prefix"), getUserIn{AccessToken: `a<"b`})
	if err != nil || string(got) != `prefix{"AccessToken":"a\u003c\"b"}` {
		t.Errorf("appended %s, %v", got, err)
	}
	if _, err := appendBody(nil, func() {}); err == nil {
		t.Error("a function was written as JSON")
	}
}

// benchToken is the size of an RS256 token.
var benchToken = strings.Repeat("eyJhbGciOiJSUzI1NiJ9", 50)

func BenchmarkDecodeAuthAnswer(b *testing.B) {
	data := []byte(`{"AuthenticationResult":{"AccessToken":"` + benchToken + `","ExpiresIn":3600,"IdToken":"` + benchToken +
		`","RefreshToken":"` + benchToken + `","TokenType":"Bearer"},"ChallengeParameters":{}}`)
	b.ReportAllocs()
	for b.Loop() {
		var out authOut
		if err := decodeBody(data, &out); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeListUsers(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(`{"Users":[`)
	for i := range 10 {
		if i > 0 {
			sb.WriteByte(',')
		}
		fmt.Fprintf(&sb, `{"Attributes":[{"Name":"sub","Value":"0b7e4a1c-1111-2222-3333-44445555%04d"},`+
			`{"Name":"email","Value":"load-user-%07d@example.com"}],"Enabled":true,"UserCreateDate":1.7e9,`+
			`"UserLastModifiedDate":1.7e9,"UserStatus":"CONFIRMED","Username":"load-user-%07d"}`, i, i, i)
	}
	sb.WriteString(`]}`)
	data := []byte(sb.String())
	b.ReportAllocs()
	for b.Loop() {
		var out listUsersOut
		if err := decodeBody(data, &out); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAppendGetUser(b *testing.B) {
	var buf []byte
	b.ReportAllocs()
	for b.Loop() {
		buf, _ = appendBody(buf[:0], getUserIn{AccessToken: benchToken})
	}
}
