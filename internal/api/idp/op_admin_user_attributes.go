package idp

import "context"

type adminUpdateUserAttributesInput struct {
	userRefInput
	UserAttributes []wireAttribute   `json:"UserAttributes"`
	ClientMetadata map[string]string `json:"ClientMetadata"`
}

func (a *API) adminUpdateUserAttributes(ctx context.Context, in *adminUpdateUserAttributesInput) (*struct{}, error) {
	return nil, a.pools.AdminUpdateUserAttributes(ctx, in.ref(), attributeInputs(in.UserAttributes))
}

type adminDeleteUserAttributesInput struct {
	userRefInput
	UserAttributeNames []string `json:"UserAttributeNames"`
}

func (a *API) adminDeleteUserAttributes(ctx context.Context, in *adminDeleteUserAttributesInput) (*struct{}, error) {
	return nil, a.pools.AdminDeleteUserAttributes(ctx, in.ref(), in.UserAttributeNames)
}
