package idp

import "context"

func (a *API) deleteGroup(ctx context.Context, in *groupRefInput) (*struct{}, error) {
	return nil, a.pools.DeleteGroup(ctx, in.ref())
}
