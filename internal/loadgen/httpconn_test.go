package loadgen

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

// countingServer is an httptest server that counts the connections it
// accepted.
func countingServer(t *testing.T, h http.HandlerFunc) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var conns atomic.Int64
	srv := httptest.NewUnstartedServer(h)
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	srv.Start()
	t.Cleanup(srv.Close)
	return srv, &conns
}

func getUser(c *Client, ctx context.Context) (string, error) {
	var out getUserOut
	err := c.IDP(ctx, "GetUser", false, getUserIn{AccessToken: "tok"}, &out)
	return out.Username, err
}

// TestLeanKeepAlive: requests in turn share one connection; concurrent ones
// take one each, and no more.
func TestLeanKeepAlive(t *testing.T) {
	var served atomic.Int64
	srv, conns := countingServer(t, func(w http.ResponseWriter, r *http.Request) {
		served.Add(1)
		_, _ = w.Write([]byte(`{"Username":"u1"}`))
	})
	c := testClient(t, srv.URL, 5*time.Second)
	for range 50 {
		if name, err := getUser(c, context.Background()); err != nil || name != "u1" {
			t.Fatalf("GetUser = %q, %v", name, err)
		}
	}
	if n := conns.Load(); n != 1 {
		t.Errorf("50 requests in turn took %d connections, want 1", n)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 25 {
				if _, err := getUser(c, context.Background()); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	if n := conns.Load(); n > 4 {
		t.Errorf("4 workers took %d connections", n)
	}
	if served.Load() != 150 {
		t.Errorf("server answered %d requests, want 150", served.Load())
	}
}

// TestLeanChunked: an answer written in pieces comes chunked, bigger than
// the read buffer, and the connection carries on.
func TestLeanChunked(t *testing.T) {
	token := strings.Repeat("eyJraWQiOiJ4In0", 2000) // 30 kB
	srv, conns := countingServer(t, func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(`{"AuthenticationResult":{"AccessToken":"` + token + `",`))
		w.(http.Flusher).Flush()
		_, _ = w.Write([]byte(`"IdToken":"i","RefreshToken":"r","ExpiresIn":3600},"ChallengeParameters":{}}`))
	})
	c := testClient(t, srv.URL, 5*time.Second)
	for range 3 {
		var out authOut
		if err := c.IDP(context.Background(), "InitiateAuth", false, passwordAuthIn("c", "u", "p", ""), &out); err != nil {
			t.Fatal(err)
		}
		if r := out.AuthenticationResult; r == nil || r.AccessToken != token || r.IdToken != "i" || r.RefreshToken != "r" {
			t.Fatalf("answer read as %+v", out)
		}
	}
	if n := conns.Load(); n != 1 {
		t.Errorf("3 chunked answers took %d connections, want 1", n)
	}
}

// rawServer accepts connections and answers each request read on them with
// what answer says: the bytes to write, and whether to close the
// connection after them.
type rawServer struct {
	addr     string
	conns    atomic.Int64
	requests atomic.Int64
}

func newRawServer(t *testing.T, answer func(n int64, req *http.Request) (raw string, closeAfter bool)) *rawServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &rawServer{addr: "http://" + ln.Addr().String()}
	var wg sync.WaitGroup
	var mu sync.Mutex
	var open []net.Conn
	t.Cleanup(func() {
		ln.Close()
		mu.Lock()
		for _, c := range open {
			c.Close()
		}
		mu.Unlock()
		wg.Wait()
	})
	wg.Go(func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			s.conns.Add(1)
			mu.Lock()
			open = append(open, conn)
			mu.Unlock()
			wg.Go(func() {
				defer conn.Close()
				br := bufio.NewReader(conn)
				for {
					req, err := http.ReadRequest(br)
					if err != nil {
						return
					}
					_, _ = io.Copy(io.Discard, req.Body)
					raw, closeAfter := answer(s.requests.Add(1), req)
					if _, err := io.WriteString(conn, raw); err != nil || closeAfter {
						return
					}
				}
			})
		}
	})
	return s
}

const okAnswer = "HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: 17\r\n\r\n{\"Username\":\"u1\"}"

// TestLeanAnswers: the shapes of answer a server may give, each followed
// by a plain one on the same client.
func TestLeanAnswers(t *testing.T) {
	tests := []struct {
		name       string
		raw        string
		closeAfter bool
		wantUser   string // on success
		wantType   string // on failure
		wantConns  int64  // for both requests
	}{
		{"content length", okAnswer, false, "u1", "", 1},
		{"chunked with extension and trailer",
			"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;name=x\r\n{\"Use\r\nC\r\nrname\":\"u2\"}\r\n0\r\nX-Checksum: 1\r\n\r\n",
			false, "u2", "", 1},
		// The server says it closes, but keeps the connection open: the
		// client must not use it again all the same.
		{"connection close", "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 17\r\n\r\n{\"Username\":\"u3\"}", false, "u3", "", 2},
		{"no length: up to the end", "HTTP/1.1 200 OK\r\n\r\n{\"Username\":\"u4\"}", true, "u4", "", 2},
		{"HTTP/1.0", "HTTP/1.0 200 OK\r\nContent-Length: 17\r\n\r\n{\"Username\":\"u5\"}", false, "u5", "", 2},
		{"HTTP/1.0 keep-alive", "HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 17\r\n\r\n{\"Username\":\"u6\"}", false, "u6", "", 1},
		{"100 Continue first", "HTTP/1.1 100 Continue\r\n\r\n" + strings.Replace(okAnswer, "u1", "u7", 1), false, "u7", "", 1},
		{"bare LF", "HTTP/1.1 200 OK\nContent-Length: 17\n\n{\"Username\":\"u8\"}", false, "u8", "", 1},
		{"error type header, chunked",
			"HTTP/1.1 400 Bad Request\r\nX-Amzn-ErrorType: NotAuthorizedException:http://internal.amazon.com/\r\nTransfer-Encoding: chunked\r\n\r\n" +
				"18\r\n{\"message\":\"Bad token.\"}\r\n0\r\n\r\n", false, "", "NotAuthorizedException", 1},
		{"dropped in the body", "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"Us", true, "", ErrTransport, 2},
		{"dropped in the headers", "HTTP/1.1 200 OK\r\nContent-Le", true, "", ErrTransport, 2},
		{"dropped in a chunk", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n20\r\n{\"Us", true, "", ErrTransport, 2},
		{"not HTTP/1", "HTTP/2 200\r\n\r\n", false, "", ErrTransport, 2},
		{"bad length", "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", false, "", ErrTransport, 2},
		{"bad chunk size", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", false, "", ErrTransport, 2},
		{"bytes beyond the answer", okAnswer + "HTTP/1.1 200 OK\r\n", false, "u1", "", 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := newRawServer(t, func(n int64, _ *http.Request) (string, bool) {
				if n == 1 {
					return tc.raw, tc.closeAfter
				}
				return okAnswer, false
			})
			c := testClient(t, srv.addr, 5*time.Second)
			name, err := getUser(c, context.Background())
			switch {
			case tc.wantType == "" && (err != nil || name != tc.wantUser):
				t.Errorf("GetUser = %q, %v; want %q", name, err, tc.wantUser)
			case tc.wantType != "" && errorType(err) != tc.wantType:
				t.Errorf("GetUser = %q, %v; want a %s", name, err, tc.wantType)
			case tc.wantType == "NotAuthorizedException" && !strings.HasSuffix(err.Error(), ": Bad token."):
				t.Errorf("error %v, want the answer's message", err)
			}
			if name, err := getUser(c, context.Background()); err != nil || name != "u1" {
				t.Errorf("the next request: %q, %v", name, err)
			}
			if n := srv.conns.Load(); n != tc.wantConns {
				t.Errorf("%d connections, want %d", n, tc.wantConns)
			}
		})
	}
}

// TestLeanIdleClose: a server that closes a keep-alive connection after
// answering costs no failure: the request goes once more, on a new
// connection. A request that a new connection gets no answer to is not
// sent again.
func TestLeanIdleClose(t *testing.T) {
	srv := newRawServer(t, func(n int64, _ *http.Request) (string, bool) {
		// Every connection is closed after its first answer, without
		// saying so.
		return okAnswer, true
	})
	c := testClient(t, srv.addr, 5*time.Second)
	for i := range 5 {
		if name, err := getUser(c, context.Background()); err != nil || name != "u1" {
			t.Fatalf("request %d: %q, %v", i, name, err)
		}
		time.Sleep(5 * time.Millisecond) // the server's close arrives
	}
	if srv.conns.Load() != 5 {
		t.Errorf("%d connections for 5 requests", srv.conns.Load())
	}

	mute := newRawServer(t, func(int64, *http.Request) (string, bool) { return "", true })
	c = testClient(t, mute.addr, 5*time.Second)
	if _, err := getUser(c, context.Background()); errorType(err) != ErrTransport {
		t.Errorf("no answer: %v, want a %s", err, ErrTransport)
	}
	if n := mute.requests.Load(); n != 1 {
		t.Errorf("a request that got no answer on a new connection was sent %d times", n)
	}
}

// TestLeanTimeouts: an answer that stops coming fails within the timeout,
// and the connection is not used again.
func TestLeanTimeouts(t *testing.T) {
	srv := newRawServer(t, func(n int64, _ *http.Request) (string, bool) {
		if n == 1 {
			return "HTTP/1.1 200 OK\r\nContent-Length: 17\r\n\r\n{\"Us", false // and the rest never comes
		}
		return okAnswer, false
	})
	c := testClient(t, srv.addr, 100*time.Millisecond)
	start := time.Now()
	if _, err := getUser(c, context.Background()); errorType(err) != ErrTimeout {
		t.Errorf("stalled answer: %v, want a %s", err, ErrTimeout)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("the timeout of 100ms took %v", d)
	}
	if name, err := getUser(c, context.Background()); err != nil || name != "u1" {
		t.Errorf("after the timeout: %q, %v", name, err)
	}
	if srv.conns.Load() != 2 {
		t.Errorf("%d connections, want a new one after the timeout", srv.conns.Load())
	}
}

// TestLeanCancel: cancelling the context of a request stops it at once; a
// context cancelled after its requests ended breaks nothing that follows.
func TestLeanCancel(t *testing.T) {
	hold := make(chan struct{})
	srv := newRawServer(t, func(n int64, req *http.Request) (string, bool) {
		if req.Header.Get("X-Amz-Target") == idpTarget+"ListUsers" {
			<-hold
		}
		return okAnswer, false
	})
	defer close(hold)
	c := testClient(t, srv.addr, 10*time.Second)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	start := time.Now()
	err := c.IDP(ctx, "ListUsers", false, listUsersIn{UserPoolId: "p"}, nil)
	if errorType(err) != ErrTransport || !strings.Contains(err.Error(), "canceled") {
		t.Errorf("cancelled request: %v", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("the cancellation took %v", d)
	}

	for range 20 {
		ctx, cancel := context.WithCancel(context.Background())
		if _, err := getUser(c, ctx); err != nil {
			t.Fatal(err)
		}
		cancel()
		for range 5 {
			if _, err := getUser(c, context.Background()); err != nil {
				t.Fatalf("after a cancelled context: %v", err)
			}
		}
	}
}

// TestLeanSignature: the signed request that goes over the wire is the one
// signed: the server recomputes the signature from what it received.
func TestLeanSignature(t *testing.T) {
	var got, want atomic.Value
	srv, _ := countingServer(t, func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		got.Store(r.Header.Get("Authorization"))
		want.Store(resign(t, r, body, "secret"))
		_, _ = w.Write([]byte(`{}`))
	})
	c := testClient(t, srv.URL, 5*time.Second)
	for _, in := range []any{
		adminUserIn{UserPoolId: "us-east-1_P", Username: "load-user-0000001"},
		createIdentityPoolIn{IdentityPoolName: "n"},
	} {
		if err := c.IDP(context.Background(), "AdminGetUser", true, in, nil); err != nil {
			t.Fatal(err)
		}
		if got.Load() == "" || got.Load() != want.Load() {
			t.Errorf("sent %q\nthe server computes %q", got.Load(), want.Load())
		}
	}
}

// resign signs again, as a server checks it, the request r received: its
// signed headers, host and body, at its X-Amz-Date.
func resign(t *testing.T, r *http.Request, body []byte, secret string) string {
	auth := r.Header.Get("Authorization")
	_, rest, _ := strings.Cut(auth, "Credential=")
	cred, rest, _ := strings.Cut(rest, ", SignedHeaders=")
	signed, _, _ := strings.Cut(rest, ", Signature=")
	scope := strings.Split(cred, "/") // key, date, region, service, aws4_request
	if len(scope) != 5 {
		return "no credential scope in " + auth
	}
	at, err := time.Parse("20060102T150405Z", r.Header.Get("X-Amz-Date"))
	if err != nil {
		return "no X-Amz-Date"
	}
	u := &url.URL{Scheme: "http", Host: r.Host, Path: r.URL.Path}
	req, _ := http.NewRequest(r.Method, u.String(), nil)
	req.Host = r.Host
	for _, h := range strings.Split(signed, ";") {
		switch h {
		case "host", "x-amz-date":
		case "content-length":
			req.ContentLength = r.ContentLength
		default:
			req.Header.Set(h, r.Header.Get(h))
		}
	}
	sum := sha256.Sum256(body)
	err = v4.NewSigner().SignHTTP(context.Background(), aws.Credentials{AccessKeyID: scope[0], SecretAccessKey: secret},
		req, hex.EncodeToString(sum[:]), scope[3], scope[2], at)
	if err != nil {
		t.Error(err)
	}
	return req.Header.Get("Authorization")
}

func TestHostHeader(t *testing.T) {
	for in, want := range map[string]string{
		"http://127.0.0.1:9229/": "127.0.0.1:9229",
		"http://localhost:80/":   "localhost",
		"https://[::1]:443/":     "[::1]",
		"http://[::1]:80/":       "[::1]",
		"https://localhost:8443": "localhost:8443",
	} {
		u, _ := url.Parse(in)
		if got := hostHeader(u); got != want {
			t.Errorf("hostHeader(%s) = %q, want %q", in, got, want)
		}
	}
	u, _ := url.Parse("http://localhost/")
	if got := dialAddr(u); got != "localhost:80" {
		t.Errorf("dialAddr = %q", got)
	}
}

// TestLeanHTTPS: an https endpoint goes through net/http.
func TestLeanHTTPS(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Amzn-ErrorType", "UserNotFoundException")
		w.WriteHeader(http.StatusBadRequest)
		_, _ = w.Write([]byte(`{"message":"User does not exist."}`))
	}))
	defer srv.Close()
	c := testClient(t, srv.URL, 5*time.Second)
	if c.endpoints[0].pool != nil {
		t.Fatal("https endpoint on the lean client")
	}
	c.http.Transport.(*http.Transport).TLSClientConfig = srv.Client().Transport.(*http.Transport).TLSClientConfig
	_, err := getUser(c, context.Background())
	var api *APIError
	if !errors.As(err, &api) || api.Type != "UserNotFoundException" || api.Message != "User does not exist." || api.Status != 400 {
		t.Errorf("got %v", err)
	}
}
