package idp

import "context"

type getUserAttributeVerificationCodeInput struct {
	AccessToken    *string           `json:"AccessToken"`
	AttributeName  *string           `json:"AttributeName"`
	ClientMetadata map[string]string `json:"ClientMetadata"`
}

func (a *API) getUserAttributeVerificationCode(ctx context.Context, in *getUserAttributeVerificationCodeInput) (*codeDeliveryOutput, error) {
	caller, err := a.auth.VerifyAccessToken(ctx, deref(in.AccessToken))
	if err != nil {
		return nil, err
	}
	return codeDelivered(a.pools.GetUserAttributeVerificationCode(ctx, caller.Pool, caller.User, caller.ClientID, in.AttributeName))
}

type verifyUserAttributeInput struct {
	AccessToken   *string `json:"AccessToken"`
	AttributeName *string `json:"AttributeName"`
	Code          *string `json:"Code"`
}

func (a *API) verifyUserAttribute(ctx context.Context, in *verifyUserAttributeInput) (*empty, error) {
	caller, err := a.auth.VerifyAccessToken(ctx, deref(in.AccessToken))
	if err != nil {
		return nil, err
	}
	if err := a.pools.VerifyUserAttribute(ctx, caller.Pool, caller.User, in.AttributeName, in.Code); err != nil {
		return nil, err
	}
	return &empty{}, nil
}
