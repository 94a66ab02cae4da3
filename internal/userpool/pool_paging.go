package userpool

import (
	"bytes"
	"encoding/base64"
	"strconv"
	"unicode/utf8"
)

// Pagination tokens are opaque to clients: the sort key of the last item
// returned, base64url-encoded. Listing resumes strictly after it, so items
// created or deleted between pages neither repeat nor shift the listing.

func encodePageToken(after string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(after))
}

func decodePageToken(token *string) (string, error) {
	if token == nil {
		return "", nil
	}
	b, err := base64.RawURLEncoding.DecodeString(*token)
	// Keys, names and IDs are UTF-8 without NUL: anything else is no token
	// of ours (and PostgreSQL would refuse to compare it).
	if err != nil || len(b) == 0 || !utf8.Valid(b) || bytes.IndexByte(b, 0) >= 0 {
		return "", Invalid("Invalid pagination token %s.", *token)
	}
	return string(b), nil
}

func poolItoa(i int) string { return strconv.Itoa(i) }
