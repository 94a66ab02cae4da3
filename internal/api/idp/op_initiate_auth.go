package idp

import (
	"context"

	"github.com/incognito-idp/incognito/internal/authflow"
)

type initiateAuthInput struct {
	AuthFlow       *string           `json:"AuthFlow"`
	AuthParameters map[string]string `json:"AuthParameters"`
	ClientMetadata map[string]string `json:"ClientMetadata"`
	ClientId       *string           `json:"ClientId"`
	Session        *string           `json:"Session"`
	// AnalyticsMetadata and UserContextData are accepted and ignored.
}

func (a *API) initiateAuth(ctx context.Context, in *initiateAuthInput) (*authResponse, error) {
	r, err := a.auth.Initiate(ctx, authflow.InitiateInput{
		AuthFlow: deref(in.AuthFlow), AuthParameters: in.AuthParameters, ClientID: deref(in.ClientId),
		ClientMetadata: in.ClientMetadata, Session: deref(in.Session),
	})
	if err != nil {
		return nil, err
	}
	return toAuthResponse(r), nil
}

type adminInitiateAuthInput struct {
	initiateAuthInput
	UserPoolId *string `json:"UserPoolId"`
}

func (a *API) adminInitiateAuth(ctx context.Context, in *adminInitiateAuthInput) (*authResponse, error) {
	r, err := a.auth.Initiate(ctx, authflow.InitiateInput{
		AuthFlow: deref(in.AuthFlow), AuthParameters: in.AuthParameters, ClientID: deref(in.ClientId),
		ClientMetadata: in.ClientMetadata, Session: deref(in.Session), Admin: true, UserPoolID: deref(in.UserPoolId),
	})
	if err != nil {
		return nil, err
	}
	return toAuthResponse(r), nil
}
