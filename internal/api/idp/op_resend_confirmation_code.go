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

type codeDeliveryOutput struct {
	CodeDeliveryDetails *wireCodeDelivery `json:"CodeDeliveryDetails,omitempty"`
}

func (a *API) resendConfirmationCode(ctx context.Context, in *resendConfirmationCodeInput) (*codeDeliveryOutput, error) {
	d, err := a.pools.ResendConfirmationCode(ctx, userpool.ResendConfirmationCodeInput{
		ClientID:       in.ClientId,
		SecretHash:     in.SecretHash,
		Username:       in.Username,
		ClientMetadata: in.ClientMetadata,
	})
	if err != nil {
		return nil, err
	}
	return &codeDeliveryOutput{CodeDeliveryDetails: toWireDelivery(d)}, nil
}
