package identity

import "context"

func (a *API) createIdentityPool(ctx context.Context, in *identityPoolWire) (*identityPoolWire, error) {
	req := in.toInput()
	req.ID = nil // the model's CreateIdentityPoolInput has no ID
	p, err := a.pools.CreatePool(ctx, req)
	if err != nil {
		return nil, err
	}
	return toWirePool(p), nil
}
