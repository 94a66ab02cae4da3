package idp

import (
	"context"

	"github.com/incognito-idp/incognito/internal/authflow"
)

type getTokensFromRefreshTokenInput struct {
	RefreshToken   *string           `json:"RefreshToken"`
	ClientId       *string           `json:"ClientId"`
	ClientSecret   *string           `json:"ClientSecret"`
	DeviceKey      *string           `json:"DeviceKey"`
	ClientMetadata map[string]string `json:"ClientMetadata"`
}

type getTokensFromRefreshTokenOutput struct {
	AuthenticationResult *wireAuthResult `json:"AuthenticationResult"`
}

func (a *API) getTokensFromRefreshToken(ctx context.Context, in *getTokensFromRefreshTokenInput) (*getTokensFromRefreshTokenOutput, error) {
	t, err := a.auth.GetTokensFromRefreshToken(ctx, authflow.RefreshInput{
		RefreshToken: deref(in.RefreshToken), ClientID: deref(in.ClientId),
		ClientSecret: deref(in.ClientSecret), DeviceKey: deref(in.DeviceKey),
	})
	if err != nil {
		return nil, err
	}
	return &getTokensFromRefreshTokenOutput{AuthenticationResult: toWireTokens(t)}, nil
}

type revokeTokenInput struct {
	Token        *string `json:"Token"`
	ClientId     *string `json:"ClientId"`
	ClientSecret *string `json:"ClientSecret"`
}

type empty struct{}

func (a *API) revokeToken(ctx context.Context, in *revokeTokenInput) (*empty, error) {
	err := a.auth.RevokeToken(ctx, authflow.RevokeInput{
		Token: deref(in.Token), ClientID: deref(in.ClientId), ClientSecret: deref(in.ClientSecret),
	})
	return &empty{}, err
}
