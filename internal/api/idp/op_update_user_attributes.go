package idp

import "context"

type updateUserAttributesInput struct {
	AccessToken    *string           `json:"AccessToken"`
	UserAttributes []wireAttribute   `json:"UserAttributes"`
	ClientMetadata map[string]string `json:"ClientMetadata"`
}

type updateUserAttributesOutput struct {
	CodeDeliveryDetailsList []wireCodeDelivery `json:"CodeDeliveryDetailsList,omitempty"`
}

func (a *API) updateUserAttributes(ctx context.Context, in *updateUserAttributesInput) (*updateUserAttributesOutput, error) {
	caller, err := a.auth.VerifyAccessToken(ctx, deref(in.AccessToken))
	if err != nil {
		return nil, err
	}
	sent, err := a.pools.UpdateUserAttributes(ctx, caller.Pool, caller.User, caller.ClientID, attributeInputs(in.UserAttributes))
	if err != nil {
		return nil, err
	}
	out := &updateUserAttributesOutput{}
	for i := range sent {
		out.CodeDeliveryDetailsList = append(out.CodeDeliveryDetailsList, *toWireDelivery(&sent[i]))
	}
	return out, nil
}
