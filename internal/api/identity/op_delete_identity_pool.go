package identity

import "context"

func (a *API) deleteIdentityPool(ctx context.Context, in *identityPoolRef) (*struct{}, error) {
	return nil, a.pools.DeletePool(ctx, in.IdentityPoolId)
}
