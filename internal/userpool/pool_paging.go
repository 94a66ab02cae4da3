package userpool

import (
	"encoding/base64"
	"strconv"
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
	if err != nil || len(b) == 0 {
		return "", Invalid("Invalid pagination token %s.", *token)
	}
	return string(b), nil
}

func poolItoa(i int) string { return strconv.Itoa(i) }
