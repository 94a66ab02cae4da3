package idp

import "context"

type addCustomAttributesInput struct {
	UserPoolId       *string               `json:"UserPoolId"`
	CustomAttributes []wireSchemaAttribute `json:"CustomAttributes"`
}

// addCustomAttributes is AddCustomAttributes; its output has no members.
func (a *API) addCustomAttributes(ctx context.Context, in *addCustomAttributesInput) (*struct{}, error) {
	return nil, a.pools.AddCustomAttributes(ctx, in.UserPoolId, schemaIn(in.CustomAttributes))
}
