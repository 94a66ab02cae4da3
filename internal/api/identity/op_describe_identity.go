package identity

import "context"

func (a *API) describeIdentity(ctx context.Context, in *identityRef) (*identityDescription, error) {
	i, err := a.pools.DescribeIdentity(ctx, in.IdentityId)
	if err != nil {
		return nil, err
	}
	out := toWireIdentity(i)
	return &out, nil
}
