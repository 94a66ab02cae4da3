package oauth

import (
	"context"
	"encoding/json"
	"net/http"

	"github.com/incognito-idp/incognito/internal/userpool"
)

// Keys gives a pool's JWKS document.
type Keys interface {
	JWKS(ctx context.Context, poolID string) ([]byte, error)
}

// Pools tells whether a pool exists.
type Pools interface {
	GetPool(ctx context.Context, id string) (*userpool.Pool, error)
}

// WellKnown serves /<poolId>/.well-known/jwks.json and
// /<poolId>/.well-known/openid-configuration.
type WellKnown struct {
	Pools     Pools
	Keys      Keys
	PublicURL string
	Issuer    func(poolID string) string
}

// Register mounts the endpoints on mux.
func (h *WellKnown) Register(mux *http.ServeMux) {
	mux.HandleFunc("GET /{pool}/.well-known/jwks.json", h.jwks)
	mux.HandleFunc("GET /{pool}/.well-known/openid-configuration", h.discovery)
}

func (h *WellKnown) pool(w http.ResponseWriter, r *http.Request) (string, bool) {
	id := r.PathValue("pool")
	if _, err := h.Pools.GetPool(r.Context(), id); err != nil {
		w.Header().Set("Content-Type", "application/json")
		if !userpool.IsCode(err, userpool.ResourceNotFound) {
			w.WriteHeader(http.StatusInternalServerError)
			_, _ = w.Write([]byte(`{"message":"Internal error"}`))
			return "", false
		}
		w.WriteHeader(http.StatusNotFound)
		_, _ = w.Write([]byte(`{"message":"User pool ` + jsonSafe(id) + ` does not exist."}`))
		return "", false
	}
	return id, true
}

func jsonSafe(s string) string {
	b, _ := json.Marshal(s)
	return string(b[1 : len(b)-1])
}

func (h *WellKnown) jwks(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pool(w, r)
	if !ok {
		return
	}
	body, err := h.Keys.JWKS(r.Context(), id)
	if err != nil {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusInternalServerError)
		_, _ = w.Write([]byte(`{"message":"Internal error"}`))
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Access-Control-Allow-Origin", "*")
	w.Header().Set("Cache-Control", "public, max-age=300")
	_, _ = w.Write(body)
}

func (h *WellKnown) discovery(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pool(w, r)
	if !ok {
		return
	}
	doc := map[string]any{
		"issuer":                                h.Issuer(id),
		"authorization_endpoint":                h.PublicURL + "/oauth2/authorize",
		"token_endpoint":                        h.PublicURL + "/oauth2/token",
		"userinfo_endpoint":                     h.PublicURL + "/oauth2/userInfo",
		"revocation_endpoint":                   h.PublicURL + "/oauth2/revoke",
		"end_session_endpoint":                  h.PublicURL + "/logout",
		"jwks_uri":                              h.PublicURL + "/" + id + "/.well-known/jwks.json",
		"response_types_supported":              []string{"code", "token"},
		"subject_types_supported":               []string{"public"},
		"id_token_signing_alg_values_supported": []string{"RS256"},
		"scopes_supported":                      []string{"openid", "email", "phone", "profile"},
		"token_endpoint_auth_methods_supported": []string{"client_secret_basic", "client_secret_post"},
		"code_challenge_methods_supported":      []string{"S256"},
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Access-Control-Allow-Origin", "*")
	_ = json.NewEncoder(w).Encode(doc)
}
