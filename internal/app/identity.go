package app

import (
	"log/slog"
	"net/http"

	"github.com/incognito-idp/incognito/internal/api/identity"
	"github.com/incognito-idp/incognito/internal/api/sts"
	"github.com/incognito-idp/incognito/internal/authflow"
	"github.com/incognito-idp/incognito/internal/awscreds"
	"github.com/incognito-idp/incognito/internal/awsjson"
	"github.com/incognito-idp/incognito/internal/awsquery"
	"github.com/incognito-idp/incognito/internal/config"
	"github.com/incognito-idp/incognito/internal/identitypool"
	"github.com/incognito-idp/incognito/internal/secret"
	"github.com/incognito-idp/incognito/internal/sigv4"
	"github.com/incognito-idp/incognito/internal/store"
)

// identityParts are the identity-pool half of Incognito: the domain, the
// credential vendor and the STS handler.
type identityParts struct {
	pools  *identitypool.Service
	vendor *awscreds.Vendor
	sts    *sts.Handler
}

func newIdentityParts(cfg config.Config, st store.Store, sealer *secret.Sealer, auth *authflow.Service, log *slog.Logger) identityParts {
	vendor := awscreds.New(st, sealer.Derive(purposeAWSCredentials), cfg.AccountID, nil, nil)
	pools := identitypool.New(identitypool.Options{
		Store:          st,
		Sealer:         sealer.Derive(purposeIdentityKeys),
		Vendor:         vendor,
		IDTokens:       auth,
		Region:         cfg.Region,
		AccountID:      cfg.AccountID,
		Issuer:         IdentityIssuer(cfg),
		UserPoolIssuer: IssuerFunc(cfg),
		Log:            log,
	})
	handler := &sts.Handler{
		Backend:    identity.STSBackend{Pools: pools},
		Verifier:   stsVerifier(cfg, vendor),
		Principals: vendor,
		AccountID:  cfg.AccountID,
		NewID:      awsjson.NewRequestID,
		Log:        log,
	}
	return identityParts{pools: pools, vendor: vendor, sts: handler}
}

// stsVerifier checks STS's signed actions (GetCallerIdentity): the admin
// keys or credentials Incognito vended. In development mode vended
// credentials are still checked for real; any other key passes as it does
// for the admin operations. (The admin operations themselves verify the
// admin keys only: vended credentials never authorise them.)
func stsVerifier(cfg config.Config, vendor *awscreds.Vendor) sts.Verifier {
	if cfg.DevMode() {
		return &sigv4.Split{Known: vendor, Other: &sigv4.Verifier{}}
	}
	return &sigv4.Verifier{Credentials: sigv4.Chain{
		sigv4.StaticCredentials{cfg.AdminAccessKeyID: cfg.AdminSecretAccessKey}, vendor,
	}}
}

// adminVerifier is the admin operations' verifier. Vended credentials never
// authorise them: outside development mode only the admin keys verify; in
// development mode any well-formed signature passes except that of
// credentials Incognito vended.
func adminVerifier(cfg config.Config, admin *sigv4.Verifier, vendor *awscreds.Vendor) awsjson.Authenticator {
	if cfg.DevMode() {
		return &sigv4.Split{Known: vendor, Other: admin, RefuseKnown: true}
	}
	return admin
}

// IdentityIssuer is the iss of the identity pools' OpenID tokens:
// <public-url>/cognito-identity, or with --issuer-style aws the issuer
// Cognito itself uses.
func IdentityIssuer(cfg config.Config) string {
	if cfg.IssuerStyle == "aws" {
		return "https://cognito-identity.amazonaws.com"
	}
	return cfg.PublicURL + "/cognito-identity"
}

// postRoot sends POST / to STS when it is a form-encoded query request
// without X-Amz-Target, and to the AWS JSON services otherwise.
func postRoot(api, query http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Amz-Target") == "" && awsquery.IsQuery(r) {
			awsjson.SetCORS(w.Header(), r)
			query.ServeHTTP(w, r)
			return
		}
		api.ServeHTTP(w, r)
	})
}
