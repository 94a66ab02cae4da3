package sts

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strconv"
	"time"

	"github.com/incognito-idp/incognito/internal/awscreds"
	"github.com/incognito-idp/incognito/internal/awsquery"
	"github.com/incognito-idp/incognito/internal/sigv4"
)

const namespace = "https://sts.amazonaws.com/doc/2011-06-15/"

// WebIdentityInput is AssumeRoleWithWebIdentity's request.
type WebIdentityInput struct {
	RoleArn          string
	RoleSessionName  string
	WebIdentityToken string
	Duration         time.Duration
}

// WebIdentityOutput is what the caller gets.
type WebIdentityOutput struct {
	Credentials awscreds.Credentials
	Principal   awscreds.Principal
	Provider    string
	Audience    string
	Subject     string
}

// Backend does the work: identitypool implements it.
type Backend interface {
	AssumeRoleWithWebIdentity(ctx context.Context, in WebIdentityInput) (*WebIdentityOutput, error)
}

// Verifier checks SigV4 signatures (admin keys and vended credentials).
type Verifier interface {
	Verify(ctx context.Context, r *http.Request, body []byte, service string) (sigv4.Identity, error)
}

// Principals finds who vended credentials speak for.
type Principals interface {
	Principal(ctx context.Context, accessKeyID, sessionToken string) (awscreds.Principal, error)
}

// codedError is how the backend's domain errors name STS's error codes
// (InvalidIdentityToken, ExpiredTokenException, IDPRejectedClaim, ...).
type codedError interface {
	error
	ErrorCode() string
	ErrorMessage() string
}

// Handler serves STS actions.
type Handler struct {
	Backend    Backend
	Verifier   Verifier
	Principals Principals
	AccountID  string
	NewID      func() string
	Log        *slog.Logger
}

// ServeHTTP dispatches on Action.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	reqID := h.NewID()
	form, body, err := awsquery.ReadForm(r)
	if err != nil {
		h.fail(w, reqID, err)
		return
	}
	action := form.Get("Action")
	if v := form.Get("Version"); v != "" && v != "2011-06-15" {
		h.fail(w, reqID, awsquery.Sender(0, "InvalidAction", "Could not find operation %s for version %s", action, v))
		return
	}
	defer func() {
		if p := recover(); p != nil {
			h.Log.Error("panic serving STS request", "panic", p, "stack", string(debug.Stack()), "request_id", reqID)
			h.fail(w, reqID, errors.New("panic"))
		}
	}()
	var result any
	switch action {
	case "AssumeRoleWithWebIdentity":
		result, err = h.assumeRoleWithWebIdentity(r.Context(), form.Get)
	case "GetCallerIdentity":
		result, err = h.getCallerIdentity(r, body)
	case "":
		err = awsquery.Sender(0, "MissingAction", "Missing Action")
	default:
		err = awsquery.Sender(0, "InvalidAction", "Incognito does not implement the STS action %s", action)
	}
	if err != nil {
		h.fail(w, reqID, err)
		return
	}
	if err := awsquery.WriteResult(w, action, namespace, reqID, result); err != nil {
		h.Log.Error("writing STS response", "err", err)
	}
}

func (h *Handler) fail(w http.ResponseWriter, reqID string, err error) {
	var qe *awsquery.Error
	var se *sigv4.Error
	var ce codedError
	switch {
	case errors.As(err, &qe):
	case errors.As(err, &ce):
		status := http.StatusBadRequest
		if ce.ErrorCode() == "IDPRejectedClaim" || ce.ErrorCode() == "AccessDenied" {
			status = http.StatusForbidden
		}
		qe = awsquery.Sender(status, ce.ErrorCode(), "%s", ce.ErrorMessage())
	case errors.As(err, &se):
		code := se.Code
		if code == "UnrecognizedClientException" {
			code = "InvalidClientTokenId"
		}
		if code == "InvalidSignatureException" {
			code = "SignatureDoesNotMatch"
		}
		qe = awsquery.Sender(se.Status, code, "%s", se.Message)
	default:
		h.Log.Error("STS internal error", "err", err, "request_id", reqID)
		qe = &awsquery.Error{Type: "Receiver", Code: "InternalFailure", Message: "Internal error", Status: http.StatusInternalServerError}
	}
	awsquery.WriteError(w, reqID, qe)
}

type credentialsXML struct {
	AccessKeyID     string `xml:"AccessKeyId"`
	SecretAccessKey string `xml:"SecretAccessKey"`
	SessionToken    string `xml:"SessionToken"`
	Expiration      string `xml:"Expiration"`
}

type assumedRoleUserXML struct {
	Arn           string `xml:"Arn"`
	AssumedRoleID string `xml:"AssumedRoleId"`
}

type assumeRoleWithWebIdentityResult struct {
	Credentials                 credentialsXML     `xml:"Credentials"`
	SubjectFromWebIdentityToken string             `xml:"SubjectFromWebIdentityToken"`
	AssumedRoleUser             assumedRoleUserXML `xml:"AssumedRoleUser"`
	Provider                    string             `xml:"Provider"`
	Audience                    string             `xml:"Audience"`
}

func (h *Handler) assumeRoleWithWebIdentity(ctx context.Context, get func(string) string) (any, error) {
	in := WebIdentityInput{RoleArn: get("RoleArn"), RoleSessionName: get("RoleSessionName"), WebIdentityToken: get("WebIdentityToken"), Duration: time.Hour}
	for _, m := range []struct{ name, value string }{{"roleArn", in.RoleArn}, {"roleSessionName", in.RoleSessionName}, {"webIdentityToken", in.WebIdentityToken}} {
		if m.value == "" {
			return nil, awsquery.Sender(0, "ValidationError", "1 validation error detected: Value null at '%s' failed to satisfy constraint: Member must not be null", m.name)
		}
	}
	if len(in.RoleSessionName) < 2 || len(in.RoleSessionName) > 64 {
		return nil, awsquery.Sender(0, "ValidationError", "1 validation error detected: Value '%s' at 'roleSessionName' failed to satisfy constraint: Member must have length between 2 and 64", in.RoleSessionName)
	}
	if d := get("DurationSeconds"); d != "" {
		n, err := strconv.Atoi(d)
		if err != nil || n < 900 || n > 43200 {
			return nil, awsquery.Sender(0, "ValidationError", "1 validation error detected: Value '%s' at 'durationSeconds' failed to satisfy constraint: Member must have value between 900 and 43200", d)
		}
		in.Duration = time.Duration(n) * time.Second
	}
	out, err := h.Backend.AssumeRoleWithWebIdentity(ctx, in)
	if err != nil {
		return nil, err
	}
	return assumeRoleWithWebIdentityResult{
		Credentials: credentialsXML{
			AccessKeyID: out.Credentials.AccessKeyID, SecretAccessKey: out.Credentials.SecretAccessKey,
			SessionToken: out.Credentials.SessionToken, Expiration: out.Credentials.Expiration.UTC().Format(time.RFC3339),
		},
		SubjectFromWebIdentityToken: out.Subject,
		AssumedRoleUser:             assumedRoleUserXML{Arn: out.Principal.AssumedRoleArn, AssumedRoleID: out.Principal.AssumedRoleID},
		Provider:                    out.Provider,
		Audience:                    out.Audience,
	}, nil
}

type getCallerIdentityResult struct {
	UserID  string `xml:"UserId"`
	Account string `xml:"Account"`
	Arn     string `xml:"Arn"`
}

// getCallerIdentity answers for whoever signed the request: the assumed
// role of vended credentials, or the account root for the admin keys.
func (h *Handler) getCallerIdentity(r *http.Request, body []byte) (any, error) {
	id, err := h.Verifier.Verify(r.Context(), r, body, "sts")
	if err != nil {
		return nil, err
	}
	if id.SessionToken != "" {
		p, err := h.Principals.Principal(r.Context(), id.AccessKeyID, id.SessionToken)
		if errors.Is(err, awscreds.ErrUnknown) {
			return nil, awsquery.Sender(http.StatusForbidden, "InvalidClientTokenId", "The security token included in the request is invalid.")
		}
		if err != nil {
			return nil, err
		}
		return getCallerIdentityResult{UserID: p.AssumedRoleID, Account: h.AccountID, Arn: p.AssumedRoleArn}, nil
	}
	return getCallerIdentityResult{UserID: h.AccountID, Account: h.AccountID, Arn: "arn:aws:iam::" + h.AccountID + ":root"}, nil
}
