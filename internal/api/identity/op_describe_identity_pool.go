package identity

import "context"

func (a *API) describeIdentityPool(ctx context.Context, in *identityPoolRef) (*identityPoolWire, error) {
	p, err := a.pools.GetPool(ctx, in.IdentityPoolId)
	if err != nil {
		return nil, err
	}
	return toWirePool(p), nil
}
