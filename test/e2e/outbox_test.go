package e2e

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
)

// The development outbox, GET /_incognito/outbox, is how these tests read
// the codes Incognito sends. It is signed like any IAM operation.

// emptyPayloadHash is the SHA-256 of an empty body, as SigV4 wants it.
const emptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

// outboxMessage is one entry of the outbox.
type outboxMessage struct {
	Id             string
	UserPoolId     string
	CreatedAt      float64
	DeliveryMedium string
	Destination    string
	Subject        string
	Body           string
	Kind           string
	Username       string
}

type outboxPage struct {
	Messages  []outboxMessage
	NextToken string
}

// outboxGet sends GET /_incognito/outbox with query, signed with the given
// keys for cognito-idp (unsigned when key is "").
func outboxGet(t *testing.T, env *Env, query url.Values, key, secret string) (int, []byte) {
	t.Helper()
	req, err := http.NewRequestWithContext(env.Ctx, http.MethodGet, env.URL+"/_incognito/outbox?"+query.Encode(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if key != "" {
		creds := aws.Credentials{AccessKeyID: key, SecretAccessKey: secret}
		if err := v4.NewSigner().SignHTTP(env.Ctx, creds, req, emptyPayloadHash, "cognito-idp", "us-east-1", time.Now()); err != nil {
			t.Fatal(err)
		}
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, body
}

// outboxPageOf reads one page of a pool's outbox with the admin keys.
func outboxPageOf(t *testing.T, env *Env, query url.Values) outboxPage {
	t.Helper()
	status, body := outboxGet(t, env, query, testAccessKey, testSecretKey)
	if status != http.StatusOK {
		t.Fatalf("outbox: %d %s", status, body)
	}
	var page outboxPage
	if err := json.Unmarshal(body, &page); err != nil {
		t.Fatalf("outbox: %v in %s", err, body)
	}
	return page
}

// outbox lists a pool's messages, newest first.
func outbox(t *testing.T, env *Env, poolID string) []outboxMessage {
	t.Helper()
	return outboxPageOf(t, env, url.Values{"userPoolId": {poolID}, "limit": {"1000"}}).Messages
}

// lastMessage is the newest message to a destination.
func lastMessage(t *testing.T, env *Env, poolID, to string) outboxMessage {
	t.Helper()
	for _, m := range outbox(t, env, poolID) {
		if m.Destination == to {
			return m
		}
	}
	t.Fatalf("no message to %s in the outbox of %s", to, poolID)
	return outboxMessage{}
}

var sixDigits = regexp.MustCompile(`\b[0-9]{6}\b`)

// latestCode is the code of the newest message to a destination.
func latestCode(t *testing.T, env *Env, poolID, to string) string {
	t.Helper()
	m := lastMessage(t, env, poolID, to)
	code := sixDigits.FindString(m.Body)
	if code == "" {
		t.Fatalf("no code in %q", m.Body)
	}
	return code
}

// wrongCode is a code that differs from code.
func wrongCode(code string) string {
	if code == "000000" {
		return "111111"
	}
	return "000000"
}

func TestOutboxEndpoint(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		poolID := userPool(t, env, nil)
		for i, addr := range []string{"one@example.com", "two@example.com", "three@example.com"} {
			_, err := env.IDP.AdminCreateUser(env.Ctx, &cip.AdminCreateUserInput{
				UserPoolId: aws.String(poolID), Username: aws.String("user" + string(rune('a'+i))),
				UserAttributes: attrList("email", addr), DesiredDeliveryMediums: []types.DeliveryMediumType{types.DeliveryMediumTypeEmail},
			})
			if err != nil {
				t.Fatalf("AdminCreateUser: %v", err)
			}
		}
		all := outbox(t, env, poolID)
		if len(all) != 3 {
			t.Fatalf("outbox has %d messages, want 3: %+v", len(all), all)
		}
		if all[0].Destination != "three@example.com" || all[2].Destination != "one@example.com" {
			t.Errorf("outbox is not newest first: %s, %s, %s", all[0].Destination, all[1].Destination, all[2].Destination)
		}
		m := all[0]
		if m.UserPoolId != poolID || m.DeliveryMedium != "EMAIL" || m.Kind != "invitation" || m.Username != "userc" ||
			m.Id == "" || m.Subject != "Your temporary password" {
			t.Errorf("message %+v", m)
		}
		if d := time.Since(time.Unix(int64(m.CreatedAt), 0)); d < -time.Minute || d > time.Minute {
			t.Errorf("CreatedAt %v is not now", m.CreatedAt)
		}

		// Pages of one, following NextToken.
		var ids []string
		q := url.Values{"userPoolId": {poolID}, "limit": {"1"}}
		for range 4 {
			page := outboxPageOf(t, env, q)
			for _, m := range page.Messages {
				ids = append(ids, m.Id)
			}
			if page.NextToken == "" {
				break
			}
			q.Set("nextToken", page.NextToken)
		}
		if len(ids) != 3 || ids[0] != all[0].Id || ids[1] != all[1].Id || ids[2] != all[2].Id {
			t.Errorf("paged IDs %v, want %s %s %s", ids, all[0].Id, all[1].Id, all[2].Id)
		}

		cases := []struct {
			name        string
			query       url.Values
			key, secret string
			status      int
			typ         string
		}{
			{"unsigned", url.Values{"userPoolId": {poolID}}, "", "", 400, "MissingAuthenticationTokenException"},
			{"unknown key", url.Values{"userPoolId": {poolID}}, "AKIAUNKNOWNKEY000000", "nope", 403, "UnrecognizedClientException"},
			{"wrong secret", url.Values{"userPoolId": {poolID}}, testAccessKey, "not-the-secret", 403, "InvalidSignatureException"},
			{"no pool", url.Values{}, testAccessKey, testSecretKey, 400, "InvalidParameterException"},
			{"bad limit", url.Values{"userPoolId": {poolID}, "limit": {"0"}}, testAccessKey, testSecretKey, 400, "InvalidParameterException"},
			{"unknown pool", url.Values{"userPoolId": {"us-east-1_NoSuchPo0"}}, testAccessKey, testSecretKey, 400, "ResourceNotFoundException"},
		}
		for _, c := range cases {
			status, body := outboxGet(t, env, c.query, c.key, c.secret)
			var e struct {
				Type    string `json:"__type"`
				Message string `json:"message"`
			}
			_ = json.Unmarshal(body, &e)
			if status != c.status || e.Type != c.typ {
				t.Errorf("%s: %d %s, want %d %s", c.name, status, body, c.status, c.typ)
			}
			if strings.Contains(string(body), "Messages") {
				t.Errorf("%s: messages leaked: %s", c.name, body)
			}
		}
	})
}
