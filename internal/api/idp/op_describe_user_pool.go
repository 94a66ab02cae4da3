package idp

import "context"

type userPoolIDInput struct {
	UserPoolId *string `json:"UserPoolId"`
}

// describeUserPool is DescribeUserPool.
func (a *API) describeUserPool(ctx context.Context, in *userPoolIDInput) (*userPoolOutput, error) {
	p, users, err := a.pools.DescribePool(ctx, in.UserPoolId)
	if err != nil {
		return nil, err
	}
	return &userPoolOutput{UserPool: a.userPoolOut(p, users)}, nil
}
