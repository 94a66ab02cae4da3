package idp

import "context"

type deleteUserAttributesInput struct {
	AccessToken        *string  `json:"AccessToken"`
	UserAttributeNames []string `json:"UserAttributeNames"`
}

func (a *API) deleteUserAttributes(ctx context.Context, in *deleteUserAttributesInput) (*empty, error) {
	caller, err := a.auth.VerifyAccessToken(ctx, deref(in.AccessToken))
	if err != nil {
		return nil, err
	}
	if err := a.pools.DeleteUserAttributes(ctx, caller.Pool, caller.User, caller.ClientID, in.UserAttributeNames); err != nil {
		return nil, err
	}
	return &empty{}, nil
}
