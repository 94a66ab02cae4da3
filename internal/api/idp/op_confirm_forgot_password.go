package idp

import (
	"context"

	"github.com/incognito-idp/incognito/internal/userpool"
)

type confirmForgotPasswordInput struct {
	ClientId         *string           `json:"ClientId"`
	SecretHash       *string           `json:"SecretHash"`
	Username         *string           `json:"Username"`
	ConfirmationCode *string           `json:"ConfirmationCode"`
	Password         *string           `json:"Password"`
	ClientMetadata   map[string]string `json:"ClientMetadata"`
}

func (a *API) confirmForgotPassword(ctx context.Context, in *confirmForgotPasswordInput) (*empty, error) {
	err := a.pools.ConfirmForgotPassword(ctx, userpool.ConfirmForgotPasswordInput{
		ClientID:         in.ClientId,
		SecretHash:       in.SecretHash,
		Username:         in.Username,
		ConfirmationCode: in.ConfirmationCode,
		Password:         in.Password,
		ClientMetadata:   in.ClientMetadata,
	})
	if err != nil {
		return nil, err
	}
	return &empty{}, nil
}
