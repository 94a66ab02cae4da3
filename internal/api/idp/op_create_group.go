package idp

import "context"

func (a *API) createGroup(ctx context.Context, in *groupInput) (*groupOutput, error) {
	g, err := a.pools.CreateGroup(ctx, in.domain())
	if err != nil {
		return nil, err
	}
	return &groupOutput{Group: toWireGroup(g)}, nil
}
