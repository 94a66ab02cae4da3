package idp

import "github.com/incognito-idp/incognito/internal/authflow"

// authResponse is InitiateAuth's, RespondToAuthChallenge's and their Admin
// variants' output.
type authResponse struct {
	ChallengeName        string            `json:"ChallengeName,omitempty"`
	Session              string            `json:"Session,omitempty"`
	ChallengeParameters  map[string]string `json:"ChallengeParameters"`
	AuthenticationResult *wireAuthResult   `json:"AuthenticationResult,omitempty"`
}

// wireAuthResult is AuthenticationResultType.
type wireAuthResult struct {
	AccessToken  string `json:"AccessToken,omitempty"`
	ExpiresIn    int64  `json:"ExpiresIn"`
	TokenType    string `json:"TokenType,omitempty"`
	RefreshToken string `json:"RefreshToken,omitempty"`
	IdToken      string `json:"IdToken,omitempty"`
}

func toWireTokens(t *authflow.Tokens) *wireAuthResult {
	if t == nil {
		return nil
	}
	return &wireAuthResult{AccessToken: t.AccessToken, ExpiresIn: t.ExpiresIn, TokenType: t.TokenType,
		RefreshToken: t.RefreshToken, IdToken: t.IDToken}
}

func toAuthResponse(r *authflow.Result) *authResponse {
	params := r.ChallengeParameters
	if params == nil {
		params = map[string]string{}
	}
	return &authResponse{ChallengeName: r.ChallengeName, Session: r.Session, ChallengeParameters: params,
		AuthenticationResult: toWireTokens(r.Tokens)}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
