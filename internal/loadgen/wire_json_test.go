package loadgen

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// awkward are strings encoding/json escapes, or copies, in every way.
var awkward = []string{
	"", "plain", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln-_", `quote " and \ backslash`,
	"<html> & </html>", "tab\tnew\nline\r\x00\x1f\x7f", "é ü 日本", "\u2028\u2029", "bad \xff utf-8 \xc3",
	"/slash/", strings.Repeat("x", 17), "1234567<", "12345678&",
}

// requestsOf builds every request with a hand-written encoder from a few
// strings.
func requestsOf(a, b, c string) []jsonAppender {
	many := map[string]string{}
	for i, s := range awkward {
		many[s+a] = strings.Repeat(b, i%3)
	}
	return []jsonAppender{
		getUserIn{AccessToken: a},
		passwordAuthIn(a, b, c, ""),
		passwordAuthIn(a, b, c, a+c),
		srpAuthIn(c, b, a, b),
		refreshAuthIn(a, b, c),
		initiateAuthIn{AuthFlow: a, ClientId: b},
		initiateAuthIn{AuthFlow: a, ClientId: b, AuthParameters: map[string]string{}},
		initiateAuthIn{AuthFlow: a, ClientId: b, AuthParameters: many},
		passwordVerifierIn(a, b, c, a, b, c, a),
		passwordVerifierIn(a, "", c, a, b, c, ""),
		respondToAuthChallengeIn{ChallengeName: a, ClientId: b, Session: c},
		signUpIn{ClientId: a, SecretHash: b, Username: c, Password: a},
		signUpIn{ClientId: a, Username: c, Password: b},
		adminUserIn{UserPoolId: a, Username: b},
		listUsersPrefixIn(a, b, c, 60),
		listUsersIn{UserPoolId: a, Limit: -3},
		listUsersIn{UserPoolId: a, Filter: b},
		getIdIn{IdentityPoolId: a, Logins: loginsFor(b, c, a)},
		getIdIn{IdentityPoolId: a, Logins: map[string]string{}},
		getIdIn{IdentityPoolId: a},
		getCredentialsIn{IdentityId: a, Logins: map[string]string{b: c, c: a}},
		getCredentialsIn{IdentityId: a},
	}
}

func checkSameJSON(t *testing.T, in jsonAppender) {
	t.Helper()
	want, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	got, err := appendBody([]byte("prefix"), in)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != "prefix"+string(want) {
		t.Fatalf("%T:\nwritten   %q\nmarshaled %q", in, got[len("prefix"):], want)
	}
}

// TestAppendJSON: every hand-written request body is, byte for byte, what
// encoding/json writes for it.
func TestAppendJSON(t *testing.T) {
	for i, a := range awkward {
		b, c := awkward[(i+1)%len(awkward)], awkward[(i+5)%len(awkward)]
		for _, in := range requestsOf(a, b, c) {
			checkSameJSON(t, in)
		}
	}
	// Others still go through encoding/json.
	got, err := appendBody(nil, userPoolIn{UserPoolId: "p"})
	if err != nil || string(got) != `{"UserPoolId":"p"}` {
		t.Errorf("encoding/json fallback: %s, %v", got, err)
	}
}

func FuzzAppendJSON(f *testing.F) {
	for i, a := range awkward {
		f.Add(a, awkward[(i+1)%len(awkward)], awkward[(i+2)%len(awkward)])
	}
	f.Fuzz(func(t *testing.T, a, b, c string) {
		for _, in := range requestsOf(a, b, c) {
			checkSameJSON(t, in)
		}
	})
}

// answers are bodies of the shapes the hand-written readers meet.
var answers = []string{
	`{"AuthenticationResult":{"AccessToken":"a.b.c","ExpiresIn":3600,"IdToken":"i","NewDeviceMetadata":{"DeviceKey":"k"},"RefreshToken":"r","TokenType":"Bearer"},"ChallengeParameters":{}}`,
	`{"ChallengeName":"PASSWORD_VERIFIER","ChallengeParameters":{"SALT":"ab","SECRET_BLOCK":"ZQ==","SRP_B":"cd","USER_ID_FOR_SRP":"u","USERNAME":"u"},"Session":null}`,
	` { "Username" : "load-user-0000001" , "UserAttributes" : [ { "Name" : "sub" , "Value" : "0b7e" } , {"Name":"email","Value":"x@example.com"} ] , "MFAOptions" : null } `,
	`{"Username":"\u00e9t\u00e9 \ud83d\ude00 \"q\" \\ \/ \b\f\n\r\t","Extra":[1,-2.5e+3,0.1E-2,true,false,null,"s",[],{}]}`,
	`{"Username":"bad \ud800 surrogate","Username":"last wins"}`,
	`{"IdentityId":"us-east-1:1111","Credentials":{"AccessKeyId":"AK","Expiration":1.7e9,"SecretKey":"s","SessionToken":"t"}}`,
	`{"UserSub":"6f1c","CodeDeliveryDetails":null,"UserConfirmed":false}`,
	`{"AuthenticationResult":{"AccessToken":"a"},"AuthenticationResult":{"IdToken":"i"}}`,
	`{"AuthenticationResult":{"AccessToken":"a"},"AuthenticationResult":null}`,
	`{"ChallengeParameters":{"A":"1","A":null,"B":"2"},"ChallengeParameters":{"C":"3"}}`,
	`{"ChallengeParameters":null}`,
	`null`, `{}`, "\t{}\n",
	`{"Username":"ünïcödé"}`,
	`{"Users":[{"Username":"load-user-0000010","Attributes":[{"Name":"sub","Value":"0b7e"},{"Name":"email","Value":"a@example.com"}],` +
		`"UserCreateDate":1.7e9,"Enabled":true,"UserStatus":"CONFIRMED"},{"Username":"load-user-0000011","Attributes":[]}],"PaginationToken":"x"}`,
	`{"Users":[]}`, `{"Users":null}`, `{"Users":[null,{"Attributes":null},{}]}`,
	`{"Users":[{"Username":"a","Attributes":[{"Name":"n"}]},{"Username":"b"}],"Users":[{"Attributes":[{"Value":"v"},{}]}]}`,
	`{"Users":[{"Username":"a"},{"Username":"b"},{"Username":"c"}],"Users":[{"Username":"x"}],"Users":[{},{}]}`,
}

// badAnswers are not JSON, or hold a member of the wrong type.
var badAnswers = []string{
	``, ` `, `[]`, `"s"`, `1`, `{`, `{"Username"}`, `{"Username":}`, `{"Username":"x",}`, `{"Username":"x"}}`,
	`{"Username":"x"} {}`, `{"Username":5}`, `{"Username":{}}`, `{"AuthenticationResult":"x"}`,
	`{"AuthenticationResult":{"AccessToken":1}}`, `{"ChallengeParameters":[]}`, `{"ChallengeParameters":{"A":1}}`,
	`{"Credentials":"x"}`, `{"Credentials":{"SecretKey":false}}`, `{"X":01}`, `{"X":1.}`, `{"X":-}`, `{"X":.5}`,
	`{"Users":{}}`, `{"Users":[1]}`, `{"Users":[{"Attributes":{}}]}`, `{"Users":[{"Attributes":[{"Name":2}]}]}`, `{"Users":[}`,
	`{"X":1e}`, `{"X":tru}`, `{"X":nul}`, `{"X":"\x"}`, `{"X":"\u12"}`, "{\"X\":\"a\x01b\"}", `{"X":"open}`,
	`{'X':1}`, `{X:1}`, `{"X":[1,]}`, `{"X":[1 2]}`, "\xef\xbb\xbf{}", strings.Repeat("[", 600) + strings.Repeat("]", 600),
}

// readers are the answers with hand-written readers, fresh.
func readers() []jsonReader {
	return []jsonReader{&authOut{}, &getUserOut{}, &signUpOut{}, &getIdOut{}, &getCredentialsOut{}, &listUsersOut{}}
}

// TestReadJSON: the hand-written readers find what encoding/json finds,
// and refuse what it refuses.
func TestReadJSON(t *testing.T) {
	for _, data := range answers {
		for _, r := range readers() {
			want := reflect.New(reflect.TypeOf(r).Elem()).Interface()
			if err := json.Unmarshal([]byte(data), want); err != nil {
				t.Fatalf("encoding/json refuses %s: %v", data, err)
			}
			if err := r.readJSON([]byte(data)); err != nil {
				t.Errorf("%T refuses %s: %v", r, data, err)
				continue
			}
			if !reflect.DeepEqual(r, want) {
				t.Errorf("%T of %s:\nread      %+v\nunmarshal %+v", r, data, r, want)
			}
		}
	}
	for _, data := range badAnswers {
		valid, refused := json.Valid([]byte(data)), false
		for _, r := range readers() {
			err := r.readJSON([]byte(data))
			if err == nil && !valid {
				t.Errorf("%T takes invalid JSON %q", r, data)
			}
			refused = refused || err != nil
		}
		if !refused {
			t.Errorf("every reader takes %q", data)
		}
	}
	var out authOut
	if err := out.readJSON([]byte(answers[1])); err != nil || out.ChallengeParameters["SRP_B"] != "cd" || out.ChallengeName != challengeVerifier {
		t.Errorf("challenge read as %+v, %v", out, err)
	}
}

// caseVariant says whether data holds a member name that encoding/json
// would take for one of the readers' members though it is spelt otherwise
// (encoding/json matches names in any case; the readers, like the AWS
// SDKs, only as spelt). Every string is looked at, values too, and
// repeated members as well.
func caseVariant(data []byte) bool {
	names := []string{"ChallengeName", "Session", "ChallengeParameters", "AuthenticationResult", "AccessToken", "IdToken",
		"RefreshToken", "Username", "UserSub", "IdentityId", "Credentials", "AccessKeyId", "SecretKey", "SessionToken",
		"Users", "Attributes", "Name", "Value"}
	dec := json.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := dec.Token()
		if err != nil {
			return false
		}
		if k, ok := tok.(string); ok {
			for _, n := range names {
				if k != n && strings.EqualFold(k, n) {
					return true
				}
			}
		}
	}
}

// FuzzReadJSON: the readers never panic, take only valid JSON, and read
// what encoding/json reads from a document both take.
func FuzzReadJSON(f *testing.F) {
	for _, s := range append(answers, badAnswers...) {
		f.Add([]byte(s))
	}
	// A member spelt otherwise, in a repeated member encoding/json
	// overwrites: caseVariant must see it all the same.
	f.Add([]byte(`{"Users":[{"AttriButes":[{}]},{"UsernAme":""}],"Users":[{"0":[{"0":""},{}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, r := range readers() {
			if r.readJSON(data) != nil {
				continue
			}
			if !json.Valid(data) {
				t.Fatalf("%T takes invalid JSON %q", r, data)
			}
			want := reflect.New(reflect.TypeOf(r).Elem()).Interface()
			if json.Unmarshal(data, want) != nil || caseVariant(data) {
				continue
			}
			if !reflect.DeepEqual(r, want) {
				t.Fatalf("%T of %q:\nread      %+v\nunmarshal %+v", r, data, r, want)
			}
		}
	})
}

func BenchmarkReadAuthAnswer(b *testing.B) {
	tok := strings.Repeat("eyJhbGciOiJSUzI1NiJ9", 50)
	data := []byte(`{"AuthenticationResult":{"AccessToken":"` + tok + `","ExpiresIn":3600,"IdToken":"` + tok +
		`","RefreshToken":"` + tok + `","TokenType":"Bearer"},"ChallengeParameters":{}}`)
	b.ReportAllocs()
	for b.Loop() {
		var out authOut
		if err := decodeBody(data, &out); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAppendGetUser(b *testing.B) {
	tok := strings.Repeat("eyJhbGciOiJSUzI1NiJ9", 50)
	var buf []byte
	b.ReportAllocs()
	for b.Loop() {
		buf, _ = appendBody(buf[:0], getUserIn{AccessToken: tok})
	}
}
