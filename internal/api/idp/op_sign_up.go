package idp

import (
	"context"

	"github.com/incognito-idp/incognito/internal/userpool"
)

type signUpInput struct {
	ClientId       *string           `json:"ClientId"`
	SecretHash     *string           `json:"SecretHash"`
	Username       *string           `json:"Username"`
	Password       *string           `json:"Password"`
	UserAttributes []wireAttribute   `json:"UserAttributes"`
	ValidationData []wireAttribute   `json:"ValidationData"`
	ClientMetadata map[string]string `json:"ClientMetadata"`
}

type signUpOutput struct {
	UserConfirmed       bool              `json:"UserConfirmed"`
	UserSub             string            `json:"UserSub"`
	CodeDeliveryDetails *wireCodeDelivery `json:"CodeDeliveryDetails,omitempty"`
}

func (a *API) signUp(ctx context.Context, in *signUpInput) (*signUpOutput, error) {
	res, err := a.pools.SignUp(ctx, userpool.SignUpInput{
		ClientID:       in.ClientId,
		SecretHash:     in.SecretHash,
		Username:       in.Username,
		Password:       in.Password,
		UserAttributes: attributeInputs(in.UserAttributes),
		ValidationData: attributeInputs(in.ValidationData),
		ClientMetadata: in.ClientMetadata,
	})
	if err != nil {
		return nil, err
	}
	return &signUpOutput{
		UserConfirmed:       res.User.Status == userpool.StatusConfirmed,
		UserSub:             res.User.Sub,
		CodeDeliveryDetails: toWireDelivery(res.Delivery),
	}, nil
}
