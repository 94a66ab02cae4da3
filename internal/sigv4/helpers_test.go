package sigv4

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

const (
	testKeyID   = "AKIDEXAMPLE"
	testSecret  = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
	testService = "cognito-idp"
	testRegion  = "us-east-1"
	testTarget  = "AWSCognitoIdentityProviderService.AdminGetUser"
)

// signTime is when test requests are signed; verifiers run at the same
// instant unless a case says otherwise.
var signTime = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func testCreds() aws.Credentials {
	return aws.Credentials{AccessKeyID: testKeyID, SecretAccessKey: testSecret}
}

func testVerifier(now time.Time) *Verifier {
	return &Verifier{
		Credentials: StaticCredentials{testKeyID: testSecret, "AKIDOTHER": "other-secret"},
		Now:         func() time.Time { return now },
	}
}

// clientRequest is what an AWS SDK would build for a Cognito call.
type clientRequest struct {
	method  string
	url     string
	body    []byte
	header  http.Header
	creds   aws.Credentials
	region  string
	service string
	at      time.Time
}

func (c clientRequest) withDefaults() clientRequest {
	if c.method == "" {
		c.method = http.MethodPost
	}
	if c.url == "" {
		c.url = "https://cognito-idp.us-east-1.amazonaws.com/"
	}
	if c.creds == (aws.Credentials{}) {
		c.creds = testCreds()
	}
	if c.region == "" {
		c.region = testRegion
	}
	if c.service == "" {
		c.service = testService
	}
	if c.at.IsZero() {
		c.at = signTime
	}
	return c
}

// sign builds the request and signs it with the AWS SDK for Go v2's own
// SigV4 signer, the real client.
func sign(t testing.TB, c clientRequest) *http.Request {
	t.Helper()
	c = c.withDefaults()
	req, err := http.NewRequest(c.method, c.url, bytes.NewReader(c.body))
	if err != nil {
		t.Fatal(err)
	}
	if c.body == nil {
		req.Body, req.ContentLength = http.NoBody, 0
	}
	for k, vs := range c.header {
		for _, v := range vs {
			req.Header.Add(k, v)
		}
	}
	err = v4.NewSigner().SignHTTP(context.Background(), c.creds, req, hashPayload(c.body), c.service, c.region, c.at)
	if err != nil {
		t.Fatal(err)
	}
	return req
}

// overWire sends a client request through its HTTP/1.1 wire form and reads
// it back the way net/http's server does (Host promoted out of Header,
// headers canonicalised, a User-Agent added), returning it with its body.
func overWire(t testing.TB, req *http.Request) (*http.Request, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := req.Write(&buf); err != nil {
		t.Fatal(err)
	}
	srv, err := http.ReadRequest(bufio.NewReader(&buf))
	if err != nil {
		t.Fatalf("reading back %q: %v", buf.String(), err)
	}
	body, err := io.ReadAll(srv.Body)
	if err != nil {
		t.Fatal(err)
	}
	return srv, body
}

// errCode is the Code of a refusal, "" for success; other errors fail.
func errCode(t testing.TB, err error) string {
	t.Helper()
	if err == nil {
		return ""
	}
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v (%T) is not a *sigv4.Error", err, err)
	}
	return e.Code
}
