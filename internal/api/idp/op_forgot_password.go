package idp

import (
	"context"

	"github.com/incognito-idp/incognito/internal/userpool"
)

type forgotPasswordInput struct {
	ClientId       *string           `json:"ClientId"`
	SecretHash     *string           `json:"SecretHash"`
	Username       *string           `json:"Username"`
	ClientMetadata map[string]string `json:"ClientMetadata"`
}

func (a *API) forgotPassword(ctx context.Context, in *forgotPasswordInput) (*codeDeliveryOutput, error) {
	return codeDelivered(a.pools.ForgotPassword(ctx, userpool.ForgotPasswordInput{
		ClientID:       in.ClientId,
		SecretHash:     in.SecretHash,
		Username:       in.Username,
		ClientMetadata: in.ClientMetadata,
	}))
}
