package oauth

import (
	"context"
	"encoding/json"
	"net/http"
)

// IdentityKeys gives the identity pools' JWKS document.
type IdentityKeys interface {
	JWKS(ctx context.Context) ([]byte, error)
}

// IdentityWellKnown serves the identity pools' OpenID Connect documents,
// which Cognito publishes at https://cognito-identity.amazonaws.com/.well-known/
// and Incognito under /cognito-identity/.well-known/: the JWKS at jwks_uri
// (Cognito's name for it, not jwks.json) and the discovery document. STS
// and any other relying party verify GetOpenIdToken's tokens with them.
type IdentityWellKnown struct {
	Keys      IdentityKeys
	Issuer    string // iss of the identity pools' OpenID tokens
	PublicURL string
}

// Register mounts the endpoints on mux. They are more specific than the
// user pools' /{pool}/.well-known/ patterns, so they take precedence.
func (h *IdentityWellKnown) Register(mux *http.ServeMux) {
	mux.HandleFunc("GET /cognito-identity/.well-known/jwks_uri", h.jwks)
	mux.HandleFunc("GET /cognito-identity/.well-known/openid-configuration", h.discovery)
}

func (h *IdentityWellKnown) jwks(w http.ResponseWriter, r *http.Request) {
	body, err := h.Keys.JWKS(r.Context())
	if err != nil {
		http.Error(w, `{"message":"Internal error"}`, http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Access-Control-Allow-Origin", "*")
	w.Header().Set("Cache-Control", "public, max-age=300")
	_, _ = w.Write(body)
}

func (h *IdentityWellKnown) discovery(w http.ResponseWriter, r *http.Request) {
	doc := map[string]any{
		"issuer":                                h.Issuer,
		"jwks_uri":                              h.PublicURL + "/cognito-identity/.well-known/jwks_uri",
		"response_types_supported":              []string{"id_token"},
		"subject_types_supported":               []string{"public"},
		"id_token_signing_alg_values_supported": []string{"RS256"},
		"scopes_supported":                      []string{"openid", "cognito"},
		"claims_supported":                      []string{"aud", "iss", "sub", "iat", "exp", "amr"},
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Access-Control-Allow-Origin", "*")
	_ = json.NewEncoder(w).Encode(doc)
}
