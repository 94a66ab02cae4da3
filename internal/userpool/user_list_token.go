package userpool

import (
	"encoding/base64"
	"strings"

	"github.com/incognito-idp/incognito/internal/store"
)

// ListUsers pagination tokens. Listed by username key (no filter, or an
// equality filter), a page's token is the last user's key, as every other
// list's is (pool_paging.go). Listed by a prefix filter, it is
// prefixTokenMark followed by the base64url of the store's cursor
// (store.NextUserPage). The mark is no base64url character, so neither kind
// of token passes for the other: a client that changes from one kind of
// filter to the other between pages gets InvalidParameterException.
const prefixTokenMark = "p."

// encodeUsersToken is the token of the ListUsers page after last under f.
func encodeUsersToken(f store.UserFilter, last store.UserRecord) string {
	after := store.NextUserPage(f, last)
	if !byPrefix(f) {
		return encodePageToken(after)
	}
	return prefixTokenMark + base64.RawURLEncoding.EncodeToString([]byte(after))
}

// decodeUsersToken returns the store's Page.After for a ListUsers request
// under f with the given token ("" for none). Whether the cursor inside a
// prefix token is well formed is for the store to say (store.ErrInvalid).
func decodeUsersToken(f store.UserFilter, token *string) (string, error) {
	if token == nil || !byPrefix(f) {
		return decodePageToken(token)
	}
	rest, ok := strings.CutPrefix(*token, prefixTokenMark)
	b, err := base64.RawURLEncoding.DecodeString(rest)
	if !ok || err != nil || len(b) == 0 {
		return "", invalidToken(*token)
	}
	return string(b), nil
}

// byPrefix reports whether ListUsers under f lists in the store's prefix
// order rather than by username key.
func byPrefix(f store.UserFilter) bool { return f.Attribute != "" && f.Prefix }

func invalidToken(token string) error { return Invalid("Invalid pagination token %s.", token) }
