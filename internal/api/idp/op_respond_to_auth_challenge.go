package idp

import (
	"context"

	"github.com/incognito-idp/incognito/internal/authflow"
)

type respondInput struct {
	ClientId           *string           `json:"ClientId"`
	ChallengeName      *string           `json:"ChallengeName"`
	Session            *string           `json:"Session"`
	ChallengeResponses map[string]string `json:"ChallengeResponses"`
	ClientMetadata     map[string]string `json:"ClientMetadata"`
}

func (a *API) respondToAuthChallenge(ctx context.Context, in *respondInput) (*authResponse, error) {
	r, err := a.auth.Respond(ctx, authflow.RespondInput{
		ClientID: deref(in.ClientId), ChallengeName: deref(in.ChallengeName), Session: deref(in.Session),
		Responses: in.ChallengeResponses, ClientMetadata: in.ClientMetadata,
	})
	if err != nil {
		return nil, err
	}
	return toAuthResponse(r), nil
}

type adminRespondInput struct {
	respondInput
	UserPoolId *string `json:"UserPoolId"`
}

func (a *API) adminRespondToAuthChallenge(ctx context.Context, in *adminRespondInput) (*authResponse, error) {
	r, err := a.auth.Respond(ctx, authflow.RespondInput{
		ClientID: deref(in.ClientId), ChallengeName: deref(in.ChallengeName), Session: deref(in.Session),
		Responses: in.ChallengeResponses, ClientMetadata: in.ClientMetadata, Admin: true, UserPoolID: deref(in.UserPoolId),
	})
	if err != nil {
		return nil, err
	}
	return toAuthResponse(r), nil
}
