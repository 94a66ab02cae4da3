package idp

import "context"

type adminResetUserPasswordInput struct {
	userRefInput
	ClientMetadata map[string]string `json:"ClientMetadata"`
}

func (a *API) adminResetUserPassword(ctx context.Context, in *adminResetUserPasswordInput) (*empty, error) {
	if err := a.pools.AdminResetUserPassword(ctx, in.ref(), in.ClientMetadata); err != nil {
		return nil, err
	}
	return &empty{}, nil
}
