package idp

import "context"

func (a *API) getGroup(ctx context.Context, in *groupRefInput) (*groupOutput, error) {
	g, err := a.pools.GetGroup(ctx, in.ref())
	if err != nil {
		return nil, err
	}
	return &groupOutput{Group: toWireGroup(g)}, nil
}
