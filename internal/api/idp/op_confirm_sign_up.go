package idp

import (
	"context"

	"github.com/incognito-idp/incognito/internal/userpool"
)

type confirmSignUpInput struct {
	ClientId           *string           `json:"ClientId"`
	SecretHash         *string           `json:"SecretHash"`
	Username           *string           `json:"Username"`
	ConfirmationCode   *string           `json:"ConfirmationCode"`
	ForceAliasCreation bool              `json:"ForceAliasCreation"`
	ClientMetadata     map[string]string `json:"ClientMetadata"`
	Session            *string           `json:"Session"`
}

func (a *API) confirmSignUp(ctx context.Context, in *confirmSignUpInput) (*empty, error) {
	_, err := a.pools.ConfirmSignUp(ctx, userpool.ConfirmSignUpInput{
		ClientID:           in.ClientId,
		SecretHash:         in.SecretHash,
		Username:           in.Username,
		ConfirmationCode:   in.ConfirmationCode,
		ForceAliasCreation: in.ForceAliasCreation,
		ClientMetadata:     in.ClientMetadata,
	})
	if err != nil {
		return nil, err
	}
	return &empty{}, nil
}
