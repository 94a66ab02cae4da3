package authflow

// The flows of InitiateAuth / AdminInitiateAuth (AuthFlowType).
const (
	FlowUserSRP           = "USER_SRP_AUTH"
	FlowUserPassword      = "USER_PASSWORD_AUTH"
	FlowAdminUserPassword = "ADMIN_USER_PASSWORD_AUTH"
	FlowAdminNoSRP        = "ADMIN_NO_SRP_AUTH"
	FlowRefreshToken      = "REFRESH_TOKEN_AUTH"
	FlowRefreshTokenAlias = "REFRESH_TOKEN"
	FlowCustom            = "CUSTOM_AUTH"
	FlowUserAuth          = "USER_AUTH"
)

// The challenges this package issues (ChallengeNameType).
const (
	ChallengePasswordVerifier    = "PASSWORD_VERIFIER"
	ChallengeNewPasswordRequired = "NEW_PASSWORD_REQUIRED"
)

// InitiateInput is InitiateAuth's or AdminInitiateAuth's request.
type InitiateInput struct {
	AuthFlow       string
	AuthParameters map[string]string
	ClientID       string
	ClientMetadata map[string]string
	Session        string
	// Admin is true for AdminInitiateAuth, which names the pool.
	Admin      bool
	UserPoolID string
}

// RespondInput is RespondToAuthChallenge's or its Admin variant's request.
type RespondInput struct {
	ClientID       string
	ChallengeName  string
	Session        string
	Responses      map[string]string
	ClientMetadata map[string]string
	Admin          bool
	UserPoolID     string
}

// Result is the answer of every sign-in step: a challenge or tokens.
type Result struct {
	ChallengeName       string
	Session             string
	ChallengeParameters map[string]string
	Tokens              *Tokens
}

// Tokens is AuthenticationResultType.
type Tokens struct {
	AccessToken  string
	IDToken      string
	RefreshToken string // empty when the flow does not issue one
	ExpiresIn    int64  // seconds the access token lives
	TokenType    string // "Bearer"
}
