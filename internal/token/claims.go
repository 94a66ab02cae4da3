package token

import (
	"encoding/json"
	"slices"
	"strings"
	"time"
)

// IDInput is what an ID token says about a sign-in.
type IDInput struct {
	Issuer   string // <public-url>/<poolId> or https://cognito-idp.<region>.amazonaws.com/<poolId>
	Sub      string
	ClientID string // becomes aud
	Username string // internal username, becomes cognito:username

	AuthTime time.Time // when the user authenticated; zero means IssuedAt
	IssuedAt time.Time
	Expires  time.Time

	JTI       string
	OriginJTI string // ties the token to its refresh token, for RevokeToken
	EventID   string // one per authentication event

	Groups        []string // cognito:groups, only when non-empty
	Roles         []string // cognito:roles: the groups' role ARNs
	PreferredRole string   // cognito:preferred_role

	// Attributes are the user's attributes the app client may read
	// (ReadAttributes), by attribute name: standard ones and custom:*.
	Attributes map[string]string
}

// AccessInput is what an access token says about a sign-in.
type AccessInput struct {
	Issuer   string
	Sub      string // for client_credentials, the client ID
	ClientID string // becomes client_id (access tokens have no aud)
	Username string // internal username; empty for client_credentials

	AuthTime time.Time // zero means IssuedAt
	IssuedAt time.Time
	Expires  time.Time

	JTI       string
	OriginJTI string
	EventID   string

	Groups    []string // cognito:groups, only when non-empty
	Scope     string   // space-separated; "aws.cognito.signin.user.admin" for API sign-in
	DeviceKey string   // when the device is tracked
	Version   int      // 2 for hosted-UI/OAuth tokens; 0 leaves it out
}

// IDClaims builds the claims of an ID token (token_use "id") as Cognito
// shapes them (developer guide, "Understanding the identity (ID) token").
// The map is the caller's: hosted-UI code adds nonce and at_hash to it
// before Sign.
func IDClaims(in IDInput) map[string]any {
	c := make(map[string]any, 14+len(in.Attributes))
	for name, value := range in.Attributes {
		if v, ok := attributeClaim(name, value); ok {
			c[name] = v
		}
	}
	// Fixed claims go in after the attributes so no attribute can
	// overwrite them.
	c["sub"] = in.Sub
	c["iss"] = in.Issuer
	c["aud"] = in.ClientID
	c["token_use"] = UseID
	c["cognito:username"] = in.Username
	putTimes(c, in.AuthTime, in.IssuedAt, in.Expires)
	putIfSet(c, "jti", in.JTI)
	putIfSet(c, "origin_jti", in.OriginJTI)
	putIfSet(c, "event_id", in.EventID)
	if len(in.Groups) > 0 {
		c["cognito:groups"] = slices.Clone(in.Groups)
	}
	if len(in.Roles) > 0 {
		c["cognito:roles"] = slices.Clone(in.Roles)
	}
	putIfSet(c, "cognito:preferred_role", in.PreferredRole)
	return c
}

// AccessClaims builds the claims of an access token (token_use "access")
// as Cognito shapes them (developer guide, "Understanding the access
// token"): client_id and no aud, scope, username, and version only for
// OAuth tokens.
func AccessClaims(in AccessInput) map[string]any {
	c := make(map[string]any, 14)
	c["sub"] = in.Sub
	c["iss"] = in.Issuer
	c["client_id"] = in.ClientID
	c["token_use"] = UseAccess
	c["scope"] = in.Scope
	putTimes(c, in.AuthTime, in.IssuedAt, in.Expires)
	putIfSet(c, "jti", in.JTI)
	putIfSet(c, "origin_jti", in.OriginJTI)
	putIfSet(c, "event_id", in.EventID)
	putIfSet(c, "username", in.Username)
	if len(in.Groups) > 0 {
		c["cognito:groups"] = slices.Clone(in.Groups)
	}
	putIfSet(c, "device_key", in.DeviceKey)
	if in.Version != 0 {
		c["version"] = in.Version
	}
	return c
}

// putTimes writes auth_time, iat and exp as integer Unix seconds.
func putTimes(c map[string]any, authTime, issuedAt, expires time.Time) {
	if authTime.IsZero() {
		authTime = issuedAt
	}
	c["auth_time"] = authTime.Unix()
	c["iat"] = issuedAt.Unix()
	c["exp"] = expires.Unix()
}

func putIfSet(c map[string]any, name, value string) {
	if value != "" {
		c[name] = value
	}
}

// attributeClaim turns a user attribute into its ID-token claim. Cognito
// stores every attribute as a string; in the token the two *_verified
// flags are JSON booleans and identities (federated users) is the JSON
// array it holds. custom:* attributes stay strings. Developer-only
// attributes (dev:custom:*) and Cognito's pseudo-attributes (cognito:*)
// never appear.
func attributeClaim(name, value string) (any, bool) {
	switch {
	case strings.HasPrefix(name, "dev:"), strings.HasPrefix(name, "cognito:"):
		return nil, false
	case name == "email_verified", name == "phone_number_verified":
		return strings.EqualFold(value, "true"), true
	case name == "identities":
		var ids []any
		if json.Unmarshal([]byte(value), &ids) == nil {
			return ids, true
		}
	}
	return value, true
}
