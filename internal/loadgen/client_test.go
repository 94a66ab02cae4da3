package loadgen

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// seen is what the test server saw of one request.
type seen struct {
	target, contentType, auth, date string
	body                            map[string]any
}

func recordingServer(t *testing.T, answer func(w http.ResponseWriter, r *http.Request)) (*httptest.Server, *seen) {
	t.Helper()
	s := &seen{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.target = r.Header.Get("X-Amz-Target")
		s.contentType = r.Header.Get("Content-Type")
		s.auth = r.Header.Get("Authorization")
		s.date = r.Header.Get("X-Amz-Date")
		data, _ := io.ReadAll(r.Body)
		s.body = nil
		_ = json.Unmarshal(data, &s.body)
		answer(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, s
}

func testClient(t *testing.T, url string, timeout time.Duration) *Client {
	t.Helper()
	c, err := NewClient(url, "eu-west-1", "AKIDLOADTEST", "secret", 2, timeout)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return c
}

func TestClientSignsAdminCallsOnly(t *testing.T) {
	srv, s := recordingServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		_, _ = w.Write([]byte(`{"Username":"load-user-0000001"}`))
	})
	c := testClient(t, srv.URL, 5*time.Second)
	ctx := context.Background()

	var out getUserOut
	if err := c.IDP(ctx, "GetUser", false, getUserIn{AccessToken: "tok"}, &out); err != nil {
		t.Fatal(err)
	}
	if out.Username != "load-user-0000001" {
		t.Errorf("answer read as %+v", out)
	}
	if s.target != "AWSCognitoIdentityProviderService.GetUser" || s.contentType != "application/x-amz-json-1.1" {
		t.Errorf("target %q, content type %q", s.target, s.contentType)
	}
	if s.auth != "" {
		t.Errorf("public call signed: %q", s.auth)
	}
	if s.body["AccessToken"] != "tok" {
		t.Errorf("body %v", s.body)
	}

	if err := c.IDP(ctx, "ListUsers", true, listUsersPrefixIn("p", "username", "x", 60), nil); err != nil {
		t.Fatal(err)
	}
	wantScope := "Credential=AKIDLOADTEST/" + time.Now().UTC().Format("20060102") + "/eu-west-1/cognito-idp/aws4_request"
	if !strings.HasPrefix(s.auth, "AWS4-HMAC-SHA256 ") || !strings.Contains(s.auth, wantScope) ||
		!strings.Contains(s.auth, "SignedHeaders=") || !strings.Contains(s.auth, "x-amz-target") || s.date == "" {
		t.Errorf("admin call authorization %q (X-Amz-Date %q), want scope %s", s.auth, s.date, wantScope)
	}

	if err := c.Identity(ctx, "CreateIdentityPool", true, createIdentityPoolIn{IdentityPoolName: "n"}, nil); err != nil {
		t.Fatal(err)
	}
	if s.target != "AWSCognitoIdentityService.CreateIdentityPool" || !strings.Contains(s.auth, "/eu-west-1/cognito-identity/aws4_request") {
		t.Errorf("identity call: target %q, authorization %q", s.target, s.auth)
	}
	if err := c.Identity(ctx, "GetId", false, getIdIn{IdentityPoolId: "x"}, nil); err != nil || s.auth != "" {
		t.Errorf("GetId: err %v, authorization %q", err, s.auth)
	}
}

func TestClientErrors(t *testing.T) {
	tests := []struct {
		name     string
		status   int
		header   string
		body     string
		wantType string
		wantMsg  string
	}{
		{"namespaced __type", 400, "", `{"__type":"com.amazonaws.cognito.identity.idp.model#NotAuthorizedException","message":"Incorrect username or password."}`,
			"NotAuthorizedException", "Incorrect username or password."},
		{"plain __type", 400, "", `{"__type":"UserNotFoundException","message":"User does not exist."}`, "UserNotFoundException", "User does not exist."},
		{"header wins, suffix dropped", 400, "TooManyRequestsException:http://internal.amazon.com/", `{"message":"Rate exceeded"}`,
			"TooManyRequestsException", "Rate exceeded"},
		{"capital Message", 400, "", `{"__type":"ResourceNotFoundException","Message":"User pool p does not exist."}`,
			"ResourceNotFoundException", "User pool p does not exist."},
		{"server error without body", 500, "", `oops`, ErrHTTP, "oops"},
		{"internal error", 500, "", `{"__type":"InternalErrorException","message":"x"}`, "InternalErrorException", "x"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv, _ := recordingServer(t, func(w http.ResponseWriter, r *http.Request) {
				if tc.header != "" {
					w.Header().Set("X-Amzn-ErrorType", tc.header)
				}
				w.WriteHeader(tc.status)
				_, _ = w.Write([]byte(tc.body))
			})
			err := testClient(t, srv.URL, 5*time.Second).IDP(context.Background(), "InitiateAuth", false, struct{}{}, nil)
			var api *APIError
			if !errors.As(err, &api) {
				t.Fatalf("error %v is not an *APIError", err)
			}
			if api.Type != tc.wantType || api.Message != tc.wantMsg || api.Status != tc.status {
				t.Errorf("got %+v, want type %q message %q status %d", api, tc.wantType, tc.wantMsg, tc.status)
			}
		})
	}
}

func TestClientTransportFailures(t *testing.T) {
	t.Run("timeout", func(t *testing.T) {
		release := make(chan struct{})
		srv, _ := recordingServer(t, func(w http.ResponseWriter, r *http.Request) { <-release })
		defer close(release)
		err := testClient(t, srv.URL, 50*time.Millisecond).IDP(context.Background(), "GetUser", false, struct{}{}, nil)
		if errorType(err) != ErrTimeout {
			t.Errorf("got %v, want %s", err, ErrTimeout)
		}
	})
	t.Run("connection refused", func(t *testing.T) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := ln.Addr().String()
		ln.Close()
		err = testClient(t, "http://"+addr, time.Second).IDP(context.Background(), "GetUser", false, struct{}{}, nil)
		if errorType(err) != ErrTransport {
			t.Errorf("got %v, want %s", err, ErrTransport)
		}
	})
	t.Run("undecodable success", func(t *testing.T) {
		srv, _ := recordingServer(t, func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte(`<html>`)) })
		var out getUserOut
		err := testClient(t, srv.URL, time.Second).IDP(context.Background(), "GetUser", false, struct{}{}, &out)
		if errorType(err) != ErrBadResponse {
			t.Errorf("got %v, want %s", err, ErrBadResponse)
		}
	})
}

// TestClientStaysOnEndpoint: a redirect is an answer, never followed.
func TestClientStaysOnEndpoint(t *testing.T) {
	var elsewhere atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { elsewhere.Add(1) }))
	defer other.Close()
	srv, _ := recordingServer(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL, http.StatusTemporaryRedirect)
	})
	err := testClient(t, srv.URL, time.Second).IDP(context.Background(), "GetUser", false, struct{}{}, nil)
	var api *APIError
	if !errors.As(err, &api) || api.Status != http.StatusTemporaryRedirect {
		t.Errorf("got %v, want the 307 as an error", err)
	}
	if elsewhere.Load() != 0 {
		t.Error("the redirect was followed")
	}
}

// TestClientRoundRobin: requests go to several endpoints in turn, whatever
// flow or operation they belong to.
func TestClientRoundRobin(t *testing.T) {
	var hits [2]atomic.Int64
	var urls []string
	for i := range hits {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			hits[i].Add(1)
			_, _ = w.Write([]byte(`{}`))
		}))
		t.Cleanup(srv.Close)
		urls = append(urls, srv.URL)
	}
	c := testClient(t, urls[0]+", "+urls[1]+"/", 5*time.Second)
	for i := range 6 {
		if err := c.IDP(context.Background(), "GetUser", i%2 == 0, getUserIn{AccessToken: "tok"}, nil); err != nil {
			t.Fatal(err)
		}
	}
	if hits[0].Load() != 3 || hits[1].Load() != 3 {
		t.Errorf("requests per endpoint: %d and %d, want 3 and 3", hits[0].Load(), hits[1].Load())
	}
	if _, err := NewClient("http://127.0.0.1:1,ftp://x", "us-east-1", "a", "s", 1, time.Second); err == nil {
		t.Error("NewClient took a list with a bad endpoint")
	}
}

func TestCheckEndpoint(t *testing.T) {
	tests := []struct {
		endpoint string
		remote   bool
		ok       bool
	}{
		{"http://127.0.0.1:9229", false, true},
		{"http://localhost:9229/", false, true},
		{"http://[::1]:9229", false, true},
		{"https://127.0.0.2:443", false, true},
		{"https://cognito-idp.us-east-1.amazonaws.com", false, false},
		{"http://10.0.0.5:9229", false, false},
		{"http://10.0.0.5:9229", true, true},
		{"ftp://127.0.0.1", true, false},
		{"127.0.0.1:9229", false, false},
		{"http://127.0.0.1:9229,http://127.0.0.1:9230", false, true},
		{"http://127.0.0.1:9229, http://10.0.0.5:9229", false, false},
		{",", false, false},
	}
	for _, tc := range tests {
		if err := checkEndpoint(tc.endpoint, tc.remote); (err == nil) != tc.ok {
			t.Errorf("checkEndpoint(%q, %v) = %v, want ok %v", tc.endpoint, tc.remote, err, tc.ok)
		}
	}
}

func TestOptions(t *testing.T) {
	tests := []struct {
		name    string
		change  func(*Options)
		wantErr string
		check   func(t *testing.T, o Options)
	}{
		{"defaults: closed loop of 8, every scenario", func(o *Options) {}, "", func(t *testing.T, o Options) {
			if o.Concurrency != 8 || len(o.Scenarios) != len(ScenarioNames) {
				t.Errorf("concurrency %d, scenarios %v", o.Concurrency, o.Scenarios)
			}
		}},
		{"comma list, duplicates dropped", func(o *Options) { o.Scenarios = []string{"srp,password", "srp"} }, "", func(t *testing.T, o Options) {
			if strings.Join(o.Scenarios, " ") != "srp password" {
				t.Errorf("scenarios %v", o.Scenarios)
			}
		}},
		{"rate alone", func(o *Options) { o.Rate = 50 }, "", func(t *testing.T, o Options) {
			if o.Concurrency != 0 {
				t.Errorf("concurrency %d with a rate", o.Concurrency)
			}
		}},
		{"rate and concurrency", func(o *Options) { o.Rate, o.Concurrency = 50, 4 }, "not both", nil},
		{"unknown scenario", func(o *Options) { o.Scenarios = []string{"login"} }, `unknown scenario "login"`, nil},
		{"pool without client", func(o *Options) { o.PoolID = "us-east-1_x" }, "neither", nil},
		{"a too small", func(o *Options) { o.SRPABits = 128 }, "256 to 1024", nil},
		{"remote endpoint", func(o *Options) { o.Endpoint = "https://cognito-idp.eu-west-1.amazonaws.com" }, "not a loopback", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			o := Defaults()
			tc.change(&o)
			got, err := o.withDefaults()
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Errorf("error %v, want one containing %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tc.check(t, got)
		})
	}
}

func TestSecretBits(t *testing.T) {
	for _, bits := range []int{256, 512, 1024} {
		buf := make([]byte, 128)
		for i := range buf {
			buf[i] = 0xff
		}
		if n, err := secretBits(bits).Read(buf); err != nil || n != len(buf) {
			t.Fatalf("Read = %d, %v", n, err)
		}
		zeros := len(buf) - bits/8
		for i, b := range buf[:zeros] {
			if b != 0 {
				t.Fatalf("%d bits: byte %d is %#x, want 0", bits, i, b)
			}
		}
		if bits == 256 && allZero(buf[zeros:]) {
			t.Fatal("no random bytes")
		}
	}
}

func allZero(b []byte) bool {
	for _, x := range b {
		if x != 0 {
			return false
		}
	}
	return true
}
