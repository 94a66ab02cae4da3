package sigv4

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

func FuzzParseAuthorization(f *testing.F) {
	for _, s := range []string{
		"",
		"AWS4-HMAC-SHA256 Credential=" + goodCredential + ", SignedHeaders=host;x-amz-date, Signature=" + strings.Repeat("a", 64),
		"AWS4-HMAC-SHA256 Credential=a/b/c/d/e,SignedHeaders=,Signature==",
		"AWS4-HMAC-SHA256 ,,,=,",
		"Bearer token",
		"AWS4-HMAC-SHA256 Credential=////, SignedHeaders=;;, Signature=\x00",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, header string) {
		a, err := parseAuthorization(header)
		if err != nil {
			if err.Code != CodeIncompleteSignature || err.Status != http.StatusBadRequest {
				t.Fatalf("unexpected refusal %+v", err)
			}
			return
		}
		_ = requireParams(a, true, header)
		if sc, err := parseCredential(a.Credential); err == nil {
			_ = checkScope(sc, testService)
			if sc.AccessKeyID == "" {
				t.Fatalf("parseCredential(%q) accepted an empty key id", a.Credential)
			}
		}
		_, _ = signedHeaderNames(a.SignedHeaders)
		// What was parsed survives being written out the SDKs' way.
		if a.Credential != "" && a.SignedHeaders != "" && a.Signature != "" {
			again := algorithm + " Credential=" + a.Credential + ", SignedHeaders=" + a.SignedHeaders + ", Signature=" + a.Signature
			b, err := parseAuthorization(again)
			if err != nil || b != a {
				t.Fatalf("reparse of %q = %+v, %v; want %+v", again, b, err, a)
			}
		}
	})
}

// FuzzVerify feeds arbitrary requests to both a configured verifier and a
// development-mode one: neither may panic, and every refusal is an *Error.
func FuzzVerify(f *testing.F) {
	good, goodBody := overWire(f, sign(f, clientRequest{url: "https://localhost/?a=1", body: []byte(`{"x":1}`), header: jsonHeaders}))
	f.Add(good.Header.Get("Authorization"), good.Header.Get("X-Amz-Date"), "", "a=1", "/", goodBody, "")
	f.Add("", "", "Thu, 01 Jan 2026 00:00:00 GMT", "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential="+url.QueryEscape(goodCredential)+
		"&X-Amz-Date=20260101T000000Z&X-Amz-SignedHeaders=host&X-Amz-Signature="+strings.Repeat("0", 64)+"&X-Amz-Expires=60", "/a%2Fb", []byte(nil), "")
	f.Add("AWS4-HMAC-SHA256 Credential="+goodCredential+", SignedHeaders=host, Signature=", "20260101T000000Z", "", "%zz&;&=", "", []byte("x"), hashPayload([]byte("x")))
	f.Add("AWS4-HMAC-SHA256 Credential=a/20260101/r/cognito-idp/aws4_request, SignedHeaders=host, Signature="+strings.Repeat("f", 64), "20260101T000000Z", "", "X-Amz-Expires=-1", "", []byte{}, "")

	creds := testVerifier(signTime)
	dev := &Verifier{Now: func() time.Time { return signTime }}
	f.Fuzz(func(t *testing.T, authz, amzDate, date, rawQuery, path string, body []byte, contentSHA string) {
		r := &http.Request{
			Method: http.MethodPost,
			URL:    &url.URL{Path: path, RawQuery: rawQuery},
			Host:   "localhost",
			Header: http.Header{},
		}
		set := func(k, v string) {
			if v != "" {
				r.Header.Set(k, v)
			}
		}
		set("Authorization", authz)
		set("X-Amz-Date", amzDate)
		set("Date", date)
		set("X-Amz-Content-Sha256", contentSHA)
		for _, v := range []*Verifier{creds, dev} {
			id, err := v.Verify(context.Background(), r, body, testService)
			if err == nil {
				if id.Service != testService || id.AccessKeyID == "" || !validRegion(id.Region) {
					t.Fatalf("accepted with identity %+v", id)
				}
				continue
			}
			e, ok := err.(*Error)
			if !ok || e.Code == "" || e.Message == "" || (e.Status != http.StatusBadRequest && e.Status != http.StatusForbidden) {
				t.Fatalf("refusal %#v is not a well-formed *Error", err)
			}
		}
	})
}

// FuzzSDKRoundTrip signs arbitrary paths, queries, header values and
// bodies with the AWS SDK's signer and requires Verify to accept them after
// a trip through the HTTP/1.1 wire format.
func FuzzSDKRoundTrip(f *testing.F) {
	f.Add("/", "a=1&b=2", "  x   y ", []byte(`{"x":1}`))
	f.Add("/a%2Fb/c%20d", "sp=a+b&e=&flag", "a\tb", []byte(nil))
	f.Add("", "k=%C3%A9&k=%7E", "ü", []byte("body"))
	f.Fuzz(func(t *testing.T, path, rawQuery, headerValue string, body []byte) {
		u, err := url.Parse("https://localhost" + path)
		if err != nil || u.Host != "localhost" || u.RawQuery != "" || u.Fragment != "" || strings.Contains(path, "?") {
			t.Skip()
		}
		// The SDK signs what url.ParseQuery keeps; it drops what it cannot
		// parse, which Verify deliberately refuses.
		if _, err := url.ParseQuery(rawQuery); err != nil || strings.Contains(path+rawQuery, "#") {
			t.Skip()
		}
		for _, c := range headerValue {
			if c < ' ' && c != '\t' || c == 0x7f {
				t.Skip() // not a valid header value
			}
		}
		u.RawQuery = rawQuery
		if _, err := url.Parse(u.String()); err != nil {
			t.Skip() // control characters: no client could send it
		}
		req := sign(t, clientRequest{url: u.String(), body: body, header: http.Header{"X-Fuzz": {headerValue}, "X-Amz-Target": {testTarget}}})
		r, got := overWire(t, req)
		if _, err := testVerifier(signTime).Verify(context.Background(), r, got, testService); err != nil {
			t.Fatalf("Verify: %v\nAuthorization: %s\nURL %q", err, req.Header.Get("Authorization"), r.URL.String())
		}
	})
}
