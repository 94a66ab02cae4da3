package sigv4

import (
	"strconv"
	"strings"
	"time"
)

// Query-string parameters of a presigned request.
const (
	queryAlgorithm     = "X-Amz-Algorithm"
	queryCredential    = "X-Amz-Credential"
	querySignedHeaders = "X-Amz-SignedHeaders"
	querySignature     = "X-Amz-Signature"
	queryDate          = "X-Amz-Date"
	queryExpires       = "X-Amz-Expires"
	querySecurityToken = "X-Amz-Security-Token"
)

// maxExpires is the longest a presigned request may stay valid: a week.
const maxExpires = 7 * 24 * time.Hour

// presigned is a signature carried in the query string.
type presigned struct {
	auth    authorization
	date    string        // X-Amz-Date as sent
	expires time.Duration // 0 when X-Amz-Expires is absent
	token   string
}

// hasQuerySignature reports whether the query string tries to carry a
// signature at all, so that a half-built one is reported as incomplete
// rather than as missing.
func hasQuerySignature(q []queryParam) bool {
	for _, p := range q {
		switch p.Key {
		case queryAlgorithm, queryCredential, querySignature:
			return true
		}
	}
	return false
}

// parsePresigned reads the signature parameters of a presigned request.
func parsePresigned(q []queryParam) (presigned, *Error) {
	var missing []string
	get := func(key string) string {
		v, ok := lookup(q, key)
		if !ok || v == "" {
			missing = append(missing, "'"+key+"'")
		}
		return v
	}
	alg := get(queryAlgorithm)
	p := presigned{
		auth: authorization{
			Credential:    get(queryCredential),
			SignedHeaders: get(querySignedHeaders),
			Signature:     get(querySignature),
		},
		date: get(queryDate),
	}
	if len(missing) > 0 {
		return presigned{}, incomplete("AWS query-string parameters must include ", strings.Join(missing, ", "),
			". Re-examine the query-string parameters.")
	}
	if alg != algorithm {
		return presigned{}, incomplete(`X-Amz-Algorithm only supports "`, algorithm, `"`)
	}
	if s, ok := lookup(q, queryExpires); ok {
		n, err := strconv.ParseInt(s, 10, 64)
		switch {
		case err != nil || n <= 0:
			return presigned{}, incomplete("X-Amz-Expires should be a positive number of seconds")
		case n > int64(maxExpires/time.Second):
			return presigned{}, incomplete("X-Amz-Expires must be less than a week (in seconds) that is 604800")
		}
		p.expires = time.Duration(n) * time.Second
	}
	p.token, _ = lookup(q, querySecurityToken)
	return p, nil
}

func lookup(q []queryParam, key string) (string, bool) {
	for _, p := range q {
		if p.Key == key {
			return p.Value, true
		}
	}
	return "", false
}
