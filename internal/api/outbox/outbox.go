// Package outbox serves the development outbox to administrators: every
// message Incognito sent (or would have sent) for a pool, newest first, so
// that tests and developers can read verification codes, reset codes and
// invitations without a mail server.
//
//	GET /_incognito/outbox?userPoolId=<id>[&limit=N][&nextToken=T]
//
// answers {"Messages":[{Id, UserPoolId, CreatedAt, DeliveryMedium,
// Destination, Subject, Body, Kind, Username}], "NextToken"}. The request
// must carry a SigV4 signature for the service "cognito-idp" by the
// server's admin keys, checked by the same verifier as the API's IAM
// operations (in development mode any well-formed signature).
package outbox

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strconv"

	"github.com/incognito-idp/incognito/internal/awsjson"
	"github.com/incognito-idp/incognito/internal/sigv4"
	"github.com/incognito-idp/incognito/internal/store"
)

// Path is where the handler is mounted.
const Path = "/_incognito/outbox"

// Page sizes.
const (
	DefaultLimit = 50
	MaxLimit     = 1000
)

// Verifier checks a request's SigV4 signature (sigv4.Verifier).
type Verifier interface {
	Verify(ctx context.Context, r *http.Request, body []byte, service string) (sigv4.Identity, error)
}

// Messages lists a pool's outbox, newest first (store.AuthStore).
type Messages interface {
	ListMessages(ctx context.Context, poolID string, page store.Page) ([]store.MessageRecord, error)
}

// Handler answers GET requests for the outbox.
type Handler struct {
	Verifier Verifier
	Messages Messages
	Log      *slog.Logger
}

// Message is one outbox entry on the wire.
type Message struct {
	Id             string       `json:"Id"`
	UserPoolId     string       `json:"UserPoolId"`
	CreatedAt      awsjson.Time `json:"CreatedAt"`
	DeliveryMedium string       `json:"DeliveryMedium"`
	Destination    string       `json:"Destination"`
	Subject        string       `json:"Subject,omitempty"`
	Body           string       `json:"Body"`
	Kind           string       `json:"Kind"`
	Username       string       `json:"Username,omitempty"`
}

// Output is the answer.
type Output struct {
	Messages  []Message `json:"Messages"`
	NextToken string    `json:"NextToken,omitempty"`
}

// errorBody is the error shape of the AWS JSON APIs.
type errorBody struct {
	Type    string `json:"__type"`
	Message string `json:"message"`
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		h.fail(w, http.StatusMethodNotAllowed, "UnknownOperationException", "Only GET is supported by this endpoint")
		return
	}
	if _, err := h.Verifier.Verify(r.Context(), r, nil, "cognito-idp"); err != nil {
		var sig *sigv4.Error
		if errors.As(err, &sig) {
			h.fail(w, sig.Status, sig.Code, sig.Message)
			return
		}
		h.internal(w, err)
		return
	}
	q := r.URL.Query()
	poolID := q.Get("userPoolId")
	if poolID == "" {
		h.fail(w, http.StatusBadRequest, "InvalidParameterException",
			"1 validation error detected: Value null at 'userPoolId' failed to satisfy constraint: Member must not be null")
		return
	}
	limit := DefaultLimit
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > MaxLimit {
			h.fail(w, http.StatusBadRequest, "InvalidParameterException",
				"limit must be a whole number from 1 to "+strconv.Itoa(MaxLimit))
			return
		}
		limit = n
	}
	recs, err := h.Messages.ListMessages(r.Context(), poolID, store.Page{After: q.Get("nextToken"), Limit: limit})
	if errors.Is(err, store.ErrNotFound) {
		h.fail(w, http.StatusBadRequest, "ResourceNotFoundException", "User pool "+poolID+" does not exist.")
		return
	}
	if err != nil {
		h.internal(w, err)
		return
	}
	out := Output{Messages: make([]Message, 0, len(recs))}
	for _, m := range recs {
		out.Messages = append(out.Messages, Message{
			Id: m.ID, UserPoolId: m.PoolID, CreatedAt: awsjson.Time{Time: m.CreatedAt},
			DeliveryMedium: m.Medium, Destination: m.Destination, Subject: m.Subject,
			Body: m.Body, Kind: m.Kind, Username: m.Username,
		})
	}
	if len(recs) == limit {
		out.NextToken = recs[len(recs)-1].ID
	}
	h.write(w, http.StatusOK, out)
}

func (h *Handler) fail(w http.ResponseWriter, status int, typ, msg string) {
	w.Header().Set("X-Amzn-ErrorType", typ)
	h.write(w, status, errorBody{Type: typ, Message: msg})
}

func (h *Handler) internal(w http.ResponseWriter, err error) {
	if h.Log != nil {
		h.Log.Error("outbox", "err", err)
	}
	h.fail(w, http.StatusInternalServerError, "InternalErrorException", "Internal error")
}

func (h *Handler) write(w http.ResponseWriter, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		status, body = http.StatusInternalServerError, []byte(`{"__type":"InternalErrorException","message":"Internal error"}`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}
