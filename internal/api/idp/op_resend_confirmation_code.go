package idp

import (
	"context"

	"github.com/incognito-idp/incognito/internal/userpool"
)

type resendConfirmationCodeInput struct {
	ClientId       *string           `json:"ClientId"`
	SecretHash     *string           `json:"SecretHash"`
	Username       *string           `json:"Username"`
	ClientMetadata map[string]string `json:"ClientMetadata"`
}

func (a *API) resendConfirmationCode(ctx context.Context, in *resendConfirmationCodeInput) (*codeDeliveryOutput, error) {
	return codeDelivered(a.pools.ResendConfirmationCode(ctx, userpool.ResendConfirmationCodeInput{
		ClientID:       in.ClientId,
		SecretHash:     in.SecretHash,
		Username:       in.Username,
		ClientMetadata: in.ClientMetadata,
	}))
}
