package sigv4

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

// newEchoServer answers 200 to requests v accepts and 403 with the refusal
// in X-Error otherwise.
func newEchoServer(t *testing.T, v *Verifier) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if _, err := v.Verify(r.Context(), r, body, testService); err != nil {
			w.Header().Set("X-Error", err.Error())
			w.WriteHeader(http.StatusForbidden)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

func errorsAs(err error, target any) bool { return errors.As(err, target) }
