package identitypool

import "time"

// Pool is an identity pool as the domain sees it.
type Pool struct {
	ID                      string
	Name                    string
	AllowUnauthenticated    bool
	AllowClassicFlow        bool
	SupportedLoginProviders map[string]string // e.g. accounts.google.com -> app ID
	DeveloperProviderName   string
	OpenIDConnectProviders  []string // ARNs
	CognitoProviders        []CognitoProvider
	SAMLProviders           []string // ARNs
	Tags                    map[string]string
	// Roles maps "authenticated" and "unauthenticated" to IAM role ARNs.
	Roles map[string]string
	// RoleMappings are keyed by provider, for user pools
	// "cognito-idp.<region>.amazonaws.com/<poolId>:<appClientId>".
	RoleMappings map[string]RoleMapping
	// PrincipalTags are the attribute-for-access-control maps, by
	// identity provider name.
	PrincipalTags map[string]PrincipalTagMap
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// CognitoProvider is a user pool app client the identity pool trusts.
type CognitoProvider struct {
	ProviderName         string // cognito-idp.<region>.amazonaws.com/<poolId>
	ClientID             string
	ServerSideTokenCheck bool
}

// Role mapping types and ambiguous-role resolutions.
const (
	MappingToken = "Token"
	MappingRules = "Rules"

	ResolveAuthenticatedRole = "AuthenticatedRole"
	ResolveDeny              = "Deny"
)

// Rule match types.
const (
	MatchEquals     = "Equals"
	MatchContains   = "Contains"
	MatchStartsWith = "StartsWith"
	MatchNotEqual   = "NotEqual"
)

// RoleMapping decides the role of a provider's users from their token.
type RoleMapping struct {
	Type                    string // MappingToken or MappingRules
	AmbiguousRoleResolution string // ResolveAuthenticatedRole or ResolveDeny
	Rules                   []MappingRule
}

// MappingRule maps a claim to a role.
type MappingRule struct {
	Claim     string
	MatchType string
	Value     string
	RoleARN   string
}

// PrincipalTagMap maps session tags to token claims (tag -> claim).
type PrincipalTagMap struct {
	UseDefaults bool
	Tags        map[string]string
}

// defaultPrincipalTags are the user-pool defaults: the app client and the
// user's sub.
var defaultPrincipalTags = map[string]string{"client": "aud", "username": "sub"}

// Identity is one identity of a pool.
type Identity struct {
	ID        string
	PoolID    string
	Logins    []string // provider names
	CreatedAt time.Time
	UpdatedAt time.Time
	// Disabled identities lost all their logins (UnlinkIdentity,
	// UnlinkDeveloperIdentity): they are no longer reachable.
	Disabled bool
}
