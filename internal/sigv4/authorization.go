package sigv4

import (
	"strings"
)

// The only algorithm and scope terminator of Signature Version 4.
const (
	algorithm  = "AWS4-HMAC-SHA256"
	terminator = "aws4_request"
)

// authorization is what a request says about its own signature, taken from
// the Authorization header or from the presigned query string. The values
// are kept as sent: SignedHeaders and the credential scope are part of what
// was signed.
type authorization struct {
	Credential    string // AKID/20260101/us-east-1/cognito-idp/aws4_request
	SignedHeaders string // host;x-amz-date;x-amz-target
	Signature     string // 64 lowercase hex digits
}

// parseAuthorization splits an Authorization header of the form
//
//	AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...
//
// Parameters are separated by commas with optional spaces; unknown ones are
// ignored and the first of a repeated one wins. Missing parameters are not
// an error here: requireParams reports them together with a missing date,
// in one message, as AWS does.
func parseAuthorization(header string) (authorization, *Error) {
	h := strings.TrimSpace(header)
	alg, rest, _ := strings.Cut(h, " ")
	if alg != algorithm {
		return authorization{}, incomplete("Unsupported AWS 'algorithm': '", alg, "'. Authorization=", header)
	}
	var a authorization
	for part := range strings.SplitSeq(rest, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		key, value, ok := strings.Cut(part, "=")
		if !ok {
			return authorization{}, incomplete("'", part,
				"' not a valid key=value pair (missing equal-sign) in Authorization header: '", header, "'.")
		}
		value = strings.TrimSpace(value)
		switch strings.TrimSpace(key) {
		case "Credential":
			a.Credential = first(a.Credential, value)
		case "SignedHeaders":
			a.SignedHeaders = first(a.SignedHeaders, value)
		case "Signature":
			a.Signature = first(a.Signature, value)
		}
	}
	return a, nil
}

func first(have, next string) string {
	if have != "" {
		return have
	}
	return next
}

// requireParams reports every missing part of a header signature at once,
// followed by the header itself, in AWS's words.
func requireParams(a authorization, haveDate bool, header string) *Error {
	var problems []string
	if a.Credential == "" {
		problems = append(problems, "Authorization header requires 'Credential' parameter. ")
	}
	if a.Signature == "" {
		problems = append(problems, "Authorization header requires 'Signature' parameter. ")
	}
	if a.SignedHeaders == "" {
		problems = append(problems, "Authorization header requires 'SignedHeaders' parameter. ")
	}
	if !haveDate {
		problems = append(problems, "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ")
	}
	if len(problems) == 0 {
		return nil
	}
	return incomplete(append(problems, "Authorization=", header)...)
}

// scope is a parsed credential: the access key id and the credential scope
// date/region/service/aws4_request that the signing key is derived from.
type scope struct {
	AccessKeyID string
	Date        string // YYYYMMDD
	Region      string
	Service     string
	Terminator  string
}

// String is the credential scope as it appears in the string to sign.
func (s scope) String() string {
	return s.Date + "/" + s.Region + "/" + s.Service + "/" + s.Terminator
}

// parseCredential splits AKID/date/region/service/aws4_request.
func parseCredential(credential string) (scope, *Error) {
	parts := strings.Split(credential, "/")
	if len(parts) != 5 || parts[0] == "" {
		return scope{}, incomplete("Credential must have exactly 5 slash-delimited elements, ",
			"e.g. keyid/date/region/service/term, got '", credential, "'")
	}
	return scope{AccessKeyID: parts[0], Date: parts[1], Region: parts[2], Service: parts[3], Terminator: parts[4]}, nil
}

// checkScope checks what the scope may say regardless of the request's
// date: any well-formed region (it is returned to the caller), exactly the
// service being called, and the aws4_request terminator.
func checkScope(s scope, service string) *Error {
	if !validRegion(s.Region) {
		return incomplete("Credential should be scoped to a valid region. ")
	}
	if s.Service != service {
		return incomplete("Credential should be scoped to correct service: '", service, "'. ")
	}
	if s.Terminator != terminator {
		return incomplete("Credential should be scoped with a valid terminator: '", terminator, "', not '", s.Terminator, "'. ")
	}
	return nil
}

// validRegion accepts region names shaped like AWS's (us-east-1,
// eu-central-2, local): lowercase letters, digits and hyphens.
func validRegion(r string) bool {
	if r == "" || len(r) > 64 {
		return false
	}
	for i := 0; i < len(r); i++ {
		c := r[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// signedHeaderNames splits SignedHeaders and requires host among them:
// SigV4 always signs the host the request was sent to.
func signedHeaderNames(signedHeaders string) ([]string, *Error) {
	names := strings.Split(signedHeaders, ";")
	for _, n := range names {
		if n == "host" {
			return names, nil
		}
	}
	return nil, incomplete("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.")
}
