package idp

import "context"

type adminConfirmSignUpInput struct {
	userRefInput
	ClientMetadata map[string]string `json:"ClientMetadata"`
}

func (a *API) adminConfirmSignUp(ctx context.Context, in *adminConfirmSignUpInput) (*struct{}, error) {
	return nil, a.pools.AdminConfirmSignUp(ctx, in.ref())
}
