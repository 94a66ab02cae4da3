package idp

import "context"

func (a *API) adminDeleteUser(ctx context.Context, in *userRefInput) (*struct{}, error) {
	return nil, a.pools.AdminDeleteUser(ctx, in.ref())
}
