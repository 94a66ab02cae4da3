package idp

import "context"

type adminSetUserPasswordInput struct {
	userRefInput
	Password  *string `json:"Password"`
	Permanent bool    `json:"Permanent"`
}

func (a *API) adminSetUserPassword(ctx context.Context, in *adminSetUserPasswordInput) (*struct{}, error) {
	return nil, a.pools.AdminSetUserPassword(ctx, in.ref(), in.Password, in.Permanent)
}
