package awsjson

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/incognito-idp/incognito/internal/sigv4"
)

type echoIn struct {
	Name  string
	Count int
}

type echoOut struct {
	Greeting string
}

// refuseAll stands for a signature check that fails, so tests can tell
// whether a signed operation really asks for one.
type refuseAll struct{}

func (refuseAll) Verify(context.Context, *http.Request, []byte, string) (sigv4.Identity, error) {
	return sigv4.Identity{}, &sigv4.Error{Code: "MissingAuthenticationTokenException", Message: "Missing Authentication Token", Status: 400}
}

func testServer() *Server {
	svc := &Service{
		Target:      "TestService",
		SigningName: "test",
		Known:       []string{"Echo", "Signed", "Panics", "Later"},
		Operations: map[string]Operation{
			"Echo": {Public: true, Handle: Typed(func(ctx context.Context, in *echoIn) (*echoOut, error) {
				if in.Name == "" {
					return nil, InvalidParameter("1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null")
				}
				return &echoOut{Greeting: "hello " + in.Name}, nil
			})},
			"Signed": {Handle: Typed(func(ctx context.Context, in *echoIn) (*echoOut, error) { return &echoOut{}, nil })},
			"Panics": {Public: true, Handle: func(context.Context, []byte) (any, error) { panic("boom") }},
		},
	}
	return NewServer(refuseAll{}, slog.New(slog.NewTextHandler(io.Discard, nil)), svc)
}

func TestServer(t *testing.T) {
	cases := []struct {
		name       string
		method     string
		target     string
		body       string
		wantStatus int
		wantType   string
		wantBody   string
	}{
		{"public operation", "POST", "TestService.Echo", `{"Name":"ada"}`, 200, "", `{"Greeting":"hello ada"}`},
		{"empty body is an empty object", "POST", "TestService.Echo", ``, 400, "InvalidParameterException", ""},
		{"validation error", "POST", "TestService.Echo", `{}`, 400, "InvalidParameterException", ""},
		{"malformed json", "POST", "TestService.Echo", `{"Name":`, 400, "SerializationException", ""},
		{"wrong type", "POST", "TestService.Echo", `{"Name":"a","Count":"three"}`, 400, "SerializationException", ""},
		{"array instead of object", "POST", "TestService.Echo", `[1,2]`, 400, "SerializationException", ""},
		{"trailing garbage", "POST", "TestService.Echo", `{"Name":"a"} {}`, 400, "SerializationException", ""},
		{"unknown fields are ignored", "POST", "TestService.Echo", `{"Name":"a","Extra":1}`, 200, "", `{"Greeting":"hello a"}`},
		{"signed operation without signature", "POST", "TestService.Signed", `{}`, 400, "MissingAuthenticationTokenException", ""},
		{"known but not implemented", "POST", "TestService.Later", `{}`, 400, "UnsupportedOperationException", ""},
		{"unknown operation", "POST", "TestService.Nope", `{}`, 400, "UnknownOperationException", ""},
		{"unknown service", "POST", "Other.Echo", `{}`, 400, "UnknownOperationException", ""},
		{"target without dot", "POST", "TestService", `{}`, 400, "UnknownOperationException", ""},
		{"panic is an internal error", "POST", "TestService.Panics", `{}`, 500, "InternalErrorException", ""},
		{"oversize body", "POST", "TestService.Echo", `{"Name":"` + strings.Repeat("a", MaxBodyBytes) + `"}`, 400, "SerializationException", ""},
		{"GET is refused", "GET", "TestService.Echo", ``, 400, "UnknownOperationException", ""},
	}
	srv := testServer()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest(tc.method, "/", strings.NewReader(tc.body))
			req.Header.Set("X-Amz-Target", tc.target)
			req.Header.Set("Content-Type", "application/x-amz-json-1.1")
			rec := httptest.NewRecorder()
			srv.ServeHTTP(rec, req)
			if rec.Code != tc.wantStatus {
				t.Fatalf("status %d, want %d; body %s", rec.Code, tc.wantStatus, rec.Body)
			}
			if rec.Header().Get("x-amzn-RequestId") == "" {
				t.Error("no x-amzn-RequestId header")
			}
			if tc.wantType != "" {
				var e struct {
					Type    string `json:"__type"`
					Message string `json:"message"`
				}
				if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil {
					t.Fatalf("error body %q: %v", rec.Body, err)
				}
				if e.Type != tc.wantType || rec.Header().Get("X-Amzn-ErrorType") != tc.wantType {
					t.Fatalf("__type %q header %q, want %q", e.Type, rec.Header().Get("X-Amzn-ErrorType"), tc.wantType)
				}
				if e.Message == "" {
					t.Error("empty message")
				}
				if tc.wantStatus == 500 && strings.Contains(e.Message, "boom") {
					t.Error("internal detail leaked into the message")
				}
			}
			if tc.wantBody != "" && rec.Body.String() != tc.wantBody {
				t.Fatalf("body %s, want %s", rec.Body, tc.wantBody)
			}
		})
	}
}

func TestCORSPreflight(t *testing.T) {
	req := httptest.NewRequest("OPTIONS", "/", nil)
	req.Header.Set("Origin", "http://localhost:5173")
	req.Header.Set("Access-Control-Request-Method", "POST")
	req.Header.Set("Access-Control-Request-Headers", "content-type,x-amz-target,x-amz-user-agent,cache-control,amz-sdk-invocation-id,amz-sdk-request")
	rec := httptest.NewRecorder()
	testServer().ServeHTTP(rec, req)
	if rec.Code != 200 {
		t.Fatalf("status %d", rec.Code)
	}
	h := rec.Header()
	if h.Get("Access-Control-Allow-Origin") != "http://localhost:5173" {
		t.Errorf("allow-origin %q", h.Get("Access-Control-Allow-Origin"))
	}
	for _, want := range []string{"x-amz-target", "x-amz-user-agent", "amz-sdk-request"} {
		if !strings.Contains(h.Get("Access-Control-Allow-Headers"), want) {
			t.Errorf("allow-headers %q lacks %s", h.Get("Access-Control-Allow-Headers"), want)
		}
	}
	if !strings.Contains(strings.ToLower(h.Get("Access-Control-Expose-Headers")), "x-amzn-requestid") {
		t.Errorf("expose-headers %q", h.Get("Access-Control-Expose-Headers"))
	}
}

func FuzzServe(f *testing.F) {
	for _, s := range []string{`{"Name":"a"}`, `{`, `[]`, `null`, `{"Count":1e999}`, `"x"`, `{"Name":"\ud800"}`} {
		f.Add("TestService.Echo", s)
	}
	srv := testServer()
	f.Fuzz(func(t *testing.T, target, body string) {
		req := httptest.NewRequest("POST", "/", strings.NewReader(body))
		req.Header.Set("X-Amz-Target", target)
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		if rec.Code == 500 && target != "TestService.Panics" {
			t.Fatalf("500 for target %q body %q: %s", target, body, rec.Body)
		}
		if rec.Code != 200 && rec.Header().Get("X-Amzn-ErrorType") == "" {
			t.Fatalf("error without X-Amzn-ErrorType")
		}
	})
}
