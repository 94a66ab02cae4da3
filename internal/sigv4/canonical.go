package sigv4

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// canonicalRequest joins the six parts of the canonical request:
//
//	Method \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders \n SignedHeaders \n HashedPayload
//
// canonicalHeaders already ends in a newline, hence the blank line before
// SignedHeaders.
func canonicalRequest(method, uri, query, headers, signedHeaders, payloadHash string) string {
	return strings.Join([]string{method, uri, query, headers, signedHeaders, payloadHash}, "\n")
}

// canonicalURI is the URI-encoded path. Services other than S3 encode it
// twice: the path as it went on the wire (already percent-encoded) is
// encoded once more, so "%2F" becomes "%252F". An empty path is "/".
// Like the AWS SDK for Go, no dot-segment normalisation is done.
func canonicalURI(u *url.URL) string {
	p := u.EscapedPath()
	if p == "" {
		p = "/"
	}
	return uriEncode(p, false)
}

// queryParam is one decoded key=value pair of the query string.
type queryParam struct{ Key, Value string }

// parseQuery decodes a raw query string into pairs, in order, keeping
// repeated keys. Unlike url.ParseQuery it drops nothing: a pair it cannot
// decode is kept as sent (and will then fail to match any client's
// signature) rather than silently left out of what is verified.
func parseQuery(raw string) []queryParam {
	var q []queryParam
	for part := range strings.SplitSeq(raw, "&") {
		if part == "" {
			continue
		}
		k, v, _ := strings.Cut(part, "=")
		q = append(q, queryParam{Key: unescape(k), Value: unescape(v)})
	}
	return q
}

func unescape(s string) string {
	if u, err := url.QueryUnescape(s); err == nil {
		return u
	}
	return s
}

// canonicalQueryString encodes every pair but skip (the signature itself,
// for presigned requests), sorted by encoded key then encoded value, joined
// with "&". Spaces are %20, never "+".
func canonicalQueryString(q []queryParam, skip string) string {
	enc := make([]queryParam, 0, len(q))
	for _, p := range q {
		if skip != "" && p.Key == skip {
			continue
		}
		enc = append(enc, queryParam{Key: uriEncode(p.Key, true), Value: uriEncode(p.Value, true)})
	}
	slices.SortFunc(enc, func(a, b queryParam) int {
		if c := strings.Compare(a.Key, b.Key); c != 0 {
			return c
		}
		return strings.Compare(a.Value, b.Value)
	})
	var b strings.Builder
	for i, p := range enc {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(p.Key)
		b.WriteByte('=')
		b.WriteString(p.Value)
	}
	return b.String()
}

// canonicalHeaders writes "name:value\n" for every signed header, in the
// order SignedHeaders lists them (sorted, for any real client).
func canonicalHeaders(r *http.Request, names []string) string {
	var b strings.Builder
	for _, n := range names {
		b.WriteString(n)
		b.WriteByte(':')
		b.WriteString(headerValue(r, n))
		b.WriteByte('\n')
	}
	return b.String()
}

// headerValue is a header's canonical value: each value trimmed, runs of
// spaces collapsed, repeated headers joined with commas. Go's server moves
// some headers out of Header; they are read back from the request.
func headerValue(r *http.Request, name string) string {
	values := r.Header.Values(name)
	if len(values) == 0 {
		switch name {
		case "host":
			host := r.Host
			if host == "" && r.URL != nil {
				host = r.URL.Host
			}
			values = []string{host}
		case "content-length":
			if r.ContentLength > 0 {
				values = []string{strconv.FormatInt(r.ContentLength, 10)}
			}
		case "transfer-encoding":
			values = r.TransferEncoding
		}
	}
	clean := make([]string, len(values))
	for i, v := range values {
		clean[i] = trimAll(v)
	}
	return strings.Join(clean, ",")
}

// trimAll removes leading and trailing whitespace and collapses runs of
// spaces into one, as the AWS SDKs do before signing a header value.
func trimAll(s string) string {
	s = strings.TrimSpace(s)
	if !strings.Contains(s, "  ") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' && i > 0 && s[i-1] == ' ' {
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// hashPayload is the hex SHA-256 of the body: the last line of the
// canonical request.
func hashPayload(body []byte) string {
	sum := sha256.Sum256(body)
	return hex.EncodeToString(sum[:])
}

// uriEncode percent-encodes every byte except the unreserved characters of
// RFC 3986 (A-Z a-z 0-9 - . _ ~), with uppercase hex digits, and keeps '/'
// unless encodeSlash.
func uriEncode(s string, encodeSlash bool) string {
	const hexDigits = "0123456789ABCDEF"
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if unreserved(c) || c == '/' && !encodeSlash {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hexDigits[c>>4])
		b.WriteByte(hexDigits[c&15])
	}
	return b.String()
}

func unreserved(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' ||
		c == '-' || c == '.' || c == '_' || c == '~'
}
