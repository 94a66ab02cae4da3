package idp

import (
	"context"

	"github.com/incognito-idp/incognito/internal/userpool"
)

type adminCreateUserInput struct {
	UserPoolId             *string           `json:"UserPoolId"`
	Username               *string           `json:"Username"`
	UserAttributes         []wireAttribute   `json:"UserAttributes"`
	ValidationData         []wireAttribute   `json:"ValidationData"`
	TemporaryPassword      *string           `json:"TemporaryPassword"`
	ForceAliasCreation     bool              `json:"ForceAliasCreation"`
	MessageAction          string            `json:"MessageAction"`
	DesiredDeliveryMediums []string          `json:"DesiredDeliveryMediums"`
	ClientMetadata         map[string]string `json:"ClientMetadata"`
}

type adminCreateUserOutput struct {
	User wireUser `json:"User"`
}

func (a *API) adminCreateUser(ctx context.Context, in *adminCreateUserInput) (*adminCreateUserOutput, error) {
	u, err := a.pools.AdminCreateUser(ctx, userpool.AdminCreateUserInput{
		PoolID:                 in.UserPoolId,
		Username:               in.Username,
		UserAttributes:         attributeInputs(in.UserAttributes),
		ValidationData:         attributeInputs(in.ValidationData),
		TemporaryPassword:      in.TemporaryPassword,
		ForceAliasCreation:     in.ForceAliasCreation,
		MessageAction:          in.MessageAction,
		DesiredDeliveryMediums: in.DesiredDeliveryMediums,
		ClientMetadata:         in.ClientMetadata,
	})
	if err != nil {
		return nil, err
	}
	return &adminCreateUserOutput{User: toWireUser(u)}, nil
}
