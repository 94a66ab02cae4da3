package idp

import "context"

func (a *API) adminDisableUser(ctx context.Context, in *userRefInput) (*struct{}, error) {
	return nil, a.pools.AdminDisableUser(ctx, in.ref())
}

func (a *API) adminEnableUser(ctx context.Context, in *userRefInput) (*struct{}, error) {
	return nil, a.pools.AdminEnableUser(ctx, in.ref())
}
