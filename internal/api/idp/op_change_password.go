package idp

import "context"

type changePasswordInput struct {
	AccessToken      *string `json:"AccessToken"`
	PreviousPassword *string `json:"PreviousPassword"`
	ProposedPassword *string `json:"ProposedPassword"`
}

func (a *API) changePassword(ctx context.Context, in *changePasswordInput) (*empty, error) {
	caller, err := a.auth.VerifyAccessToken(ctx, deref(in.AccessToken))
	if err != nil {
		return nil, err
	}
	if err := a.pools.ChangePassword(ctx, caller.Pool, caller.User, in.PreviousPassword, in.ProposedPassword); err != nil {
		return nil, err
	}
	return &empty{}, nil
}
