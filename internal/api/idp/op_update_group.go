package idp

import "context"

func (a *API) updateGroup(ctx context.Context, in *groupInput) (*groupOutput, error) {
	g, err := a.pools.UpdateGroup(ctx, in.domain())
	if err != nil {
		return nil, err
	}
	return &groupOutput{Group: toWireGroup(g)}, nil
}
