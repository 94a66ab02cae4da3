package loadgen

// The request and response bodies the generator sends and reads, with
// Cognito's member names as the AWS SDKs serialise them (AWS JSON 1.1:
// PascalCase members, absent members left out). Only the members the
// scenarios use are here.

// Service target prefixes (X-Amz-Target) and SigV4 signing names.
const (
	idpTarget      = "AWSCognitoIdentityProviderService."
	identityTarget = "AWSCognitoIdentityService."
	idpSigning     = "cognito-idp"
	identitySign   = "cognito-identity"
)

// Auth flows and challenges.
const (
	flowSRP             = "USER_SRP_AUTH"
	flowPassword        = "USER_PASSWORD_AUTH"
	flowRefresh         = "REFRESH_TOKEN_AUTH"
	challengeVerifier   = "PASSWORD_VERIFIER"
	messageSuppress     = "SUPPRESS"
	identityProviderFmt = "cognito-idp.%s.amazonaws.com/%s"
)

// loadFlows are the explicit auth flows of the app client the generator
// creates: everything its scenarios use.
var loadFlows = []string{
	"ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH",
	"ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH",
}

type attribute struct {
	Name  string `json:"Name"`
	Value string `json:"Value"`
}

// cognito-idp, administration (SigV4-signed).

type createUserPoolIn struct {
	PoolName string `json:"PoolName"`
}

type createUserPoolOut struct {
	UserPool struct {
		Id string `json:"Id"`
	} `json:"UserPool"`
}

type createUserPoolClientIn struct {
	UserPoolId        string   `json:"UserPoolId"`
	ClientName        string   `json:"ClientName"`
	ExplicitAuthFlows []string `json:"ExplicitAuthFlows,omitempty"`
}

type createUserPoolClientOut struct {
	UserPoolClient struct {
		ClientId     string `json:"ClientId"`
		ClientSecret string `json:"ClientSecret"`
	} `json:"UserPoolClient"`
}

type describeUserPoolOut struct {
	UserPool struct {
		UsernameAttributes []string `json:"UsernameAttributes"`
	} `json:"UserPool"`
}

type userPoolIn struct {
	UserPoolId string `json:"UserPoolId"`
}

type adminCreateUserIn struct {
	UserPoolId        string      `json:"UserPoolId"`
	Username          string      `json:"Username"`
	TemporaryPassword string      `json:"TemporaryPassword,omitempty"`
	MessageAction     string      `json:"MessageAction,omitempty"`
	UserAttributes    []attribute `json:"UserAttributes,omitempty"`
}

type adminSetUserPasswordIn struct {
	UserPoolId string `json:"UserPoolId"`
	Username   string `json:"Username"`
	Password   string `json:"Password"`
	Permanent  bool   `json:"Permanent"`
}

// adminUserIn serves AdminConfirmSignUp and AdminGetUser.
type adminUserIn struct {
	UserPoolId string `json:"UserPoolId"`
	Username   string `json:"Username"`
}

type listUsersIn struct {
	UserPoolId      string `json:"UserPoolId"`
	Filter          string `json:"Filter,omitempty"`
	Limit           int    `json:"Limit,omitempty"`
	PaginationToken string `json:"PaginationToken,omitempty"`
}

type listUsersOut struct {
	Users           []listedUser `json:"Users"`
	PaginationToken string       `json:"PaginationToken"`
}

type listedUser struct {
	Username   string      `json:"Username"`
	Attributes []attribute `json:"Attributes"`
}

// cognito-idp, public operations (unsigned).

type signUpIn struct {
	ClientId   string `json:"ClientId"`
	SecretHash string `json:"SecretHash,omitempty"`
	Username   string `json:"Username"`
	Password   string `json:"Password"`
}

type signUpOut struct {
	UserSub string `json:"UserSub"`
}

type initiateAuthIn struct {
	AuthFlow       string            `json:"AuthFlow"`
	ClientId       string            `json:"ClientId"`
	AuthParameters map[string]string `json:"AuthParameters"`
}

type respondToAuthChallengeIn struct {
	ChallengeName      string            `json:"ChallengeName"`
	ClientId           string            `json:"ClientId"`
	Session            string            `json:"Session,omitempty"`
	ChallengeResponses map[string]string `json:"ChallengeResponses"`
}

// authOut is the answer of InitiateAuth and RespondToAuthChallenge.
type authOut struct {
	ChallengeName        string            `json:"ChallengeName"`
	Session              string            `json:"Session"`
	ChallengeParameters  map[string]string `json:"ChallengeParameters"`
	AuthenticationResult *authResult       `json:"AuthenticationResult"`
}

type authResult struct {
	AccessToken  string `json:"AccessToken"`
	IdToken      string `json:"IdToken"`
	RefreshToken string `json:"RefreshToken"`
}

type getUserIn struct {
	AccessToken string `json:"AccessToken"`
}

type getUserOut struct {
	Username string `json:"Username"`
}

// cognito-identity.

type cognitoIdentityProvider struct {
	ProviderName string `json:"ProviderName"`
	ClientId     string `json:"ClientId"`
}

type createIdentityPoolIn struct {
	IdentityPoolName               string                    `json:"IdentityPoolName"`
	AllowUnauthenticatedIdentities bool                      `json:"AllowUnauthenticatedIdentities"`
	CognitoIdentityProviders       []cognitoIdentityProvider `json:"CognitoIdentityProviders,omitempty"`
}

type identityPoolOut struct {
	IdentityPoolId string `json:"IdentityPoolId"`
}

type setIdentityPoolRolesIn struct {
	IdentityPoolId string            `json:"IdentityPoolId"`
	Roles          map[string]string `json:"Roles"`
}

type identityPoolIn struct {
	IdentityPoolId string `json:"IdentityPoolId"`
}

type getIdIn struct {
	IdentityPoolId string            `json:"IdentityPoolId"`
	Logins         map[string]string `json:"Logins,omitempty"`
}

type getIdOut struct {
	IdentityId string `json:"IdentityId"`
}

type getCredentialsIn struct {
	IdentityId string            `json:"IdentityId"`
	Logins     map[string]string `json:"Logins,omitempty"`
}

type getCredentialsOut struct {
	IdentityId  string `json:"IdentityId"`
	Credentials struct {
		AccessKeyId  string `json:"AccessKeyId"`
		SecretKey    string `json:"SecretKey"`
		SessionToken string `json:"SessionToken"`
	} `json:"Credentials"`
}
