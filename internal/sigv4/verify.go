package sigv4

import (
	"context"
	"crypto/subtle"
	"fmt"
	"net/http"
	"time"
)

// amzDateFormat is ISO 8601 basic format, as in X-Amz-Date.
const amzDateFormat = "20060102T150405Z"

// defaultMaxSkew is how far AWS lets a request's date stray from its clock.
const defaultMaxSkew = 5 * time.Minute

// Verifier checks SigV4 signatures on incoming requests.
type Verifier struct {
	// Credentials finds the secret for an access key id. Nil means
	// development mode: any well-formed, in-date signature is accepted,
	// because without the secret the HMAC cannot be checked.
	Credentials Credentials
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// MaxSkew is how far the request date may be from Now; 0 means
	// 5 minutes, AWS's limit.
	MaxSkew time.Duration
}

// Identity is who signed a request and for what.
type Identity struct {
	AccessKeyID  string
	SessionToken string // empty when the request carried none
	Region       string // as the credential scope says
	Service      string
	Date         string // the scope date, YYYYMMDD
}

// signed is a request's claim about its signature, from either place it
// can be carried.
type signed struct {
	auth      authorization
	amzDate   string        // the request date in ISO 8601 basic format
	expires   time.Duration // presigned only; 0 = the MaxSkew window
	token     string
	skipQuery string // the query parameter left out of the canonical query
}

// Verify checks the signature of r, whose body has already been read into
// body, for the given signing name ("cognito-idp", "cognito-identity",
// "sts"). A refused signature is an *Error; any other error comes from
// Credentials and is internal.
//
// The request is only read, never changed.
func (v *Verifier) Verify(ctx context.Context, r *http.Request, body []byte, service string) (Identity, error) {
	s, e := readSignature(r)
	if e != nil {
		return Identity{}, e
	}
	sc, e := parseCredential(s.auth.Credential)
	if e != nil {
		return Identity{}, e
	}
	if e := checkScope(sc, service); e != nil {
		return Identity{}, e
	}
	names, e := signedHeaderNames(s.auth.SignedHeaders)
	if e != nil {
		return Identity{}, e
	}
	if e := v.checkDate(sc, s); e != nil {
		return Identity{}, e
	}
	payloadHash := hashPayload(body)
	if claimed := r.Header.Get("X-Amz-Content-Sha256"); claimed != "" && claimed != payloadHash {
		return Identity{}, invalid("The provided 'x-amz-content-sha256' header does not match what was computed.")
	}
	if !wellFormedSignature(s.auth.Signature) {
		return Identity{}, mismatch()
	}
	id := Identity{AccessKeyID: sc.AccessKeyID, SessionToken: s.token, Region: sc.Region, Service: sc.Service, Date: sc.Date}
	if v.Credentials == nil {
		return id, nil
	}

	secret, ok, err := v.Credentials.SecretFor(ctx, sc.AccessKeyID, s.token)
	if err != nil {
		return Identity{}, fmt.Errorf("sigv4: looking up access key: %w", err)
	}
	if !ok {
		return Identity{}, unrecognized()
	}
	creq := canonicalRequest(r.Method, canonicalURI(r.URL),
		canonicalQueryString(parseQuery(r.URL.RawQuery), s.skipQuery),
		canonicalHeaders(r, names), s.auth.SignedHeaders, payloadHash)
	want := signature(signingKey(secret, sc.Date, sc.Region, sc.Service), stringToSign(s.amzDate, sc.String(), creq))
	if subtle.ConstantTimeCompare([]byte(want), []byte(s.auth.Signature)) != 1 {
		return Identity{}, mismatch()
	}
	return id, nil
}

// readSignature finds the signature in the Authorization header or in the
// query string (exactly one of them) together with the request date.
func readSignature(r *http.Request) (signed, *Error) {
	header := r.Header.Get("Authorization")
	q := parseQuery(r.URL.RawQuery)
	inQuery := hasQuerySignature(q)
	switch {
	case header != "" && inQuery:
		return signed{}, incomplete("Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, ",
			"Signature query string parameter or the Authorization header should be specified")
	case inQuery:
		p, e := parsePresigned(q)
		if e != nil {
			return signed{}, e
		}
		if e := checkAmzDate(p.date); e != nil {
			return signed{}, e
		}
		return signed{auth: p.auth, amzDate: p.date, expires: p.expires, token: p.token, skipQuery: querySignature}, nil
	case header == "":
		return signed{}, missingToken()
	}

	a, e := parseAuthorization(header)
	if e != nil {
		return signed{}, e
	}
	amzDate, e := headerDate(r)
	if e == nil {
		e = requireParams(a, amzDate != "", header)
	}
	if e != nil {
		return signed{}, e
	}
	return signed{auth: a, amzDate: amzDate, token: r.Header.Get("X-Amz-Security-Token")}, nil
}

// headerDate is the request date in ISO 8601 basic format, from X-Amz-Date
// or else from the HTTP Date header; "" when neither is present.
func headerDate(r *http.Request) (string, *Error) {
	if d := r.Header.Get("X-Amz-Date"); d != "" {
		return d, checkAmzDate(d)
	}
	d := r.Header.Get("Date")
	if d == "" {
		return "", nil
	}
	t, err := http.ParseTime(d)
	if err != nil {
		return "", badDate(d)
	}
	return t.UTC().Format(amzDateFormat), nil
}

// checkAmzDate accepts exactly YYYYMMDD'T'HHMMSS'Z' with a real date.
func checkAmzDate(d string) *Error {
	t, err := time.Parse(amzDateFormat, d)
	if err != nil || t.Format(amzDateFormat) != d {
		return badDate(d)
	}
	return nil
}

func badDate(d string) *Error {
	return incomplete("Date must be in ISO-8601 'basic format'. Got '", d, "'. See http://en.wikipedia.org/wiki/ISO_8601")
}

// checkDate requires the scope date to be the request's day, and the
// request date to be within MaxSkew of now (or, presigned with
// X-Amz-Expires, not yet expired).
func (v *Verifier) checkDate(sc scope, s signed) *Error {
	t, _ := time.Parse(amzDateFormat, s.amzDate) // checked by readSignature
	if day := t.Format("20060102"); sc.Date != day {
		return incomplete("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '",
			sc.Date, "' != '", day, "', from '", s.amzDate, "'.")
	}
	now := time.Now()
	if v.Now != nil {
		now = v.Now()
	}
	now = now.UTC()
	skew := v.MaxSkew
	if skew <= 0 {
		skew = defaultMaxSkew
	}
	window := skew
	if s.expires > 0 {
		window = s.expires
	}
	if earliest := now.Add(-window); t.Before(earliest) {
		return invalid("Signature expired: ", s.amzDate, " is now earlier than ", earliest.Format(amzDateFormat),
			" (", now.Format(amzDateFormat), " - ", span(window), ")")
	}
	if latest := now.Add(skew); t.After(latest) {
		return invalid("Signature not yet current: ", s.amzDate, " is still later than ", latest.Format(amzDateFormat),
			" (", now.Format(amzDateFormat), " + ", span(skew), ")")
	}
	return nil
}

// span writes a duration as AWS does in its expiry messages: "5 min.".
func span(d time.Duration) string {
	if d%time.Minute == 0 {
		return fmt.Sprintf("%d min.", d/time.Minute)
	}
	return fmt.Sprintf("%d sec.", d/time.Second)
}
