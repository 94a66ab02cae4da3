package sigv4

import (
	"context"
	"errors"
	"net/http"
	"time"
)

// Chain asks each Credentials in turn and answers with the first that
// knows the access key: STS accepts both the admin keys and the temporary
// credentials Incognito vended. A failed lookup stops the chain, so that a
// store outage is an internal error rather than an unknown key.
type Chain []Credentials

// SecretFor implements Credentials.
func (c Chain) SecretFor(ctx context.Context, accessKeyID, sessionToken string) (string, bool, error) {
	for _, creds := range c {
		if creds == nil {
			continue
		}
		secret, ok, err := creds.SecretFor(ctx, accessKeyID, sessionToken)
		if err != nil || ok {
			return secret, ok, err
		}
	}
	return "", false, nil
}

// Split verifies requests signed with an access key Known recognises
// against Known's secret, and every other request with Other. Development
// mode (no admin keys) uses it so that credentials Incognito vended are
// still checked for real while any other well-formed signature passes, as
// a Verifier without Credentials lets it.
type Split struct {
	Known Credentials
	Other *Verifier
	// RefuseKnown refuses requests validly signed with a key Known
	// recognises, as an unknown key: in development mode the admin
	// operations take any signature but that of vended credentials.
	RefuseKnown bool
	// Now is the clock of the strict check; nil means time.Now.
	Now func() time.Time
}

// Verify implements the same contract as Verifier.Verify.
func (s *Split) Verify(ctx context.Context, r *http.Request, body []byte, service string) (Identity, error) {
	strict := Verifier{Credentials: s.Known, Now: s.Now}
	id, err := strict.Verify(ctx, r, body, service)
	var e *Error
	switch {
	case errors.As(err, &e) && e.Code == CodeUnrecognizedClient:
		return s.Other.Verify(ctx, r, body, service)
	case err == nil && s.RefuseKnown:
		return Identity{}, unrecognized()
	}
	return id, err
}
