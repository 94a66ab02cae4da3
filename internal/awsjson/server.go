package awsjson

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/incognito-idp/incognito/internal/sigv4"
)

// MaxBodyBytes caps a request body. Cognito's largest documented inputs
// (schemas of 50 attributes, 100 callback URLs) fit easily.
const MaxBodyBytes = 1 << 20

// Authenticator checks the SigV4 signature of an IAM-signed operation.
type Authenticator interface {
	Verify(ctx context.Context, r *http.Request, body []byte, service string) (sigv4.Identity, error)
}

type callerKey struct{}

// Caller returns the SigV4 identity of the request, if it was signed and
// checked.
func Caller(ctx context.Context) (sigv4.Identity, bool) {
	id, ok := ctx.Value(callerKey{}).(sigv4.Identity)
	return id, ok
}

type requestIDKey struct{}

// RequestID returns the x-amzn-RequestId given to this request.
func RequestID(ctx context.Context) string {
	s, _ := ctx.Value(requestIDKey{}).(string)
	return s
}

// Observer is told of every request (the metrics package implements it).
type Observer interface {
	ObserveRequest(service, operation, outcome string, d time.Duration)
}

// Server dispatches AWS JSON requests to the registered services.
type Server struct {
	services map[string]*Service
	auth     Authenticator
	log      *slog.Logger
	observer Observer
}

// SetObserver makes the server report every request to o.
func (s *Server) SetObserver(o Observer) { s.observer = o }

// observe reports a request under labels bounded by the known operations.
func (s *Server) observe(r *http.Request, outcome string, began time.Time) {
	if s.observer == nil {
		return
	}
	prefix, op, _ := strings.Cut(r.Header.Get("X-Amz-Target"), ".")
	svc := s.services[prefix]
	if svc == nil {
		prefix, op = "unknown", "unknown"
	} else if !slices.Contains(svc.Known, op) {
		op = "unknown"
	}
	s.observer.ObserveRequest(prefix, op, outcome, time.Since(began))
}

// NewServer builds a Server. auth checks signed operations.
func NewServer(auth Authenticator, log *slog.Logger, services ...*Service) *Server {
	s := &Server{services: map[string]*Service{}, auth: auth, log: log}
	for _, svc := range services {
		s.services[svc.Target] = svc
	}
	return s
}

// Handles reports whether r is an AWS JSON request for one of the services,
// so a router can send other POST / requests (STS's query protocol) elsewhere.
func (s *Server) Handles(r *http.Request) bool {
	return r.Header.Get("X-Amz-Target") != ""
}

// NewRequestID makes an AWS-looking request ID (a random UUID).
func NewRequestID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

// ServeHTTP answers one request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	began := time.Now()
	reqID := NewRequestID()
	w.Header().Set("x-amzn-RequestId", reqID)
	ctx := context.WithValue(r.Context(), requestIDKey{}, reqID)
	SetCORS(w.Header(), r)
	if r.Method == http.MethodOptions {
		w.WriteHeader(http.StatusOK)
		return
	}
	out, err := s.serve(ctx, r)
	if err != nil {
		s.observe(r, s.writeError(w, r, err), began)
		return
	}
	defer s.observe(r, "ok", began)
	body, err := json.Marshal(out)
	if err != nil {
		s.log.Error("encoding response", "err", err, "request_id", reqID)
		s.writeError(w, r, Internal())
		return
	}
	w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	_, _ = w.Write(body)
}

func (s *Server) serve(ctx context.Context, r *http.Request) (out any, err error) {
	defer func() {
		if p := recover(); p != nil {
			s.log.Error("panic serving request", "panic", p, "stack", string(debug.Stack()), "request_id", RequestID(ctx))
			out, err = nil, Internal()
		}
	}()
	if r.Method != http.MethodPost {
		return nil, ClientError("UnknownOperationException", "Only POST is supported by this endpoint")
	}
	target := r.Header.Get("X-Amz-Target")
	prefix, opName, ok := strings.Cut(target, ".")
	svc := s.services[prefix]
	if !ok || svc == nil {
		return nil, ClientError("UnknownOperationException", "Unknown target: %q", target)
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, MaxBodyBytes+1))
	if err != nil {
		return nil, ClientError("SerializationException", "Could not read the request body")
	}
	if len(body) > MaxBodyBytes {
		return nil, ClientError("SerializationException", "Request body is larger than %d bytes", MaxBodyBytes)
	}
	op, implemented := svc.Operations[opName]
	if !implemented {
		for _, k := range svc.Known {
			if k == opName {
				return nil, ClientError("UnsupportedOperationException",
					"Incognito does not implement %s.%s yet", prefix, opName)
			}
		}
		return nil, ClientError("UnknownOperationException", "Unknown operation: %q", target)
	}
	if !op.Public {
		id, err := s.auth.Verify(ctx, r, body, svc.SigningName)
		if err != nil {
			return nil, err
		}
		ctx = context.WithValue(ctx, callerKey{}, id)
	}
	return op.Handle(ctx, body)
}

func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) string {
	var wire *Error
	var sig *sigv4.Error
	switch {
	case errors.As(err, &wire):
	case errors.As(err, &sig):
		wire = &Error{Type: sig.Code, Message: sig.Message, Status: sig.Status}
	default:
		s.log.Error("internal error", "err", err, "request_id", w.Header().Get("x-amzn-RequestId"),
			"target", r.Header.Get("X-Amz-Target"))
		wire = Internal()
	}
	if wire.Status == 0 {
		wire.Status = http.StatusBadRequest
	}
	body, _ := json.Marshal(struct {
		Type    string `json:"__type"`
		Message string `json:"message"`
	}{wire.Type, wire.Message})
	w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	w.Header().Set("X-Amzn-ErrorType", wire.Type)
	w.WriteHeader(wire.Status)
	_, _ = w.Write(body)
	return wire.Type
}
