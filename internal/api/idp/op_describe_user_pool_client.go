package idp

import "context"

type userPoolClientIDInput struct {
	UserPoolId *string `json:"UserPoolId"`
	ClientId   *string `json:"ClientId"`
}

// describeUserPoolClient is DescribeUserPoolClient.
func (a *API) describeUserPoolClient(ctx context.Context, in *userPoolClientIDInput) (*userPoolClientOutput, error) {
	c, err := a.pools.DescribeClient(ctx, in.UserPoolId, in.ClientId)
	if err != nil {
		return nil, err
	}
	return &userPoolClientOutput{UserPoolClient: userPoolClientOut(c)}, nil
}
