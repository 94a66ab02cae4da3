package identity

import "context"

func (a *API) updateIdentityPool(ctx context.Context, in *identityPoolWire) (*identityPoolWire, error) {
	p, err := a.pools.UpdatePool(ctx, in.toInput())
	if err != nil {
		return nil, err
	}
	return toWirePool(p), nil
}
