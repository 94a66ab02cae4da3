package idp

import (
	"context"

	"github.com/incognito-idp/incognito/internal/awsjson"
)

type listUserPoolsInput struct {
	MaxResults *int64  `json:"MaxResults"`
	NextToken  *string `json:"NextToken"`
}

// wireUserPoolDescription is UserPoolDescriptionType.
type wireUserPoolDescription struct {
	Id               string            `json:"Id"`
	Name             string            `json:"Name"`
	LambdaConfig     *wireLambdaConfig `json:"LambdaConfig"`
	CreationDate     *awsjson.Time     `json:"CreationDate,omitempty"`
	LastModifiedDate *awsjson.Time     `json:"LastModifiedDate,omitempty"`
}

type listUserPoolsOutput struct {
	UserPools []wireUserPoolDescription `json:"UserPools"`
	NextToken string                    `json:"NextToken,omitempty"`
}

// listUserPools is ListUserPools.
func (a *API) listUserPools(ctx context.Context, in *listUserPoolsInput) (*listUserPoolsOutput, error) {
	pools, next, err := a.pools.ListPools(ctx, in.MaxResults, in.NextToken)
	if err != nil {
		return nil, err
	}
	out := &listUserPoolsOutput{UserPools: make([]wireUserPoolDescription, len(pools)), NextToken: next}
	for i, p := range pools {
		out.UserPools[i] = wireUserPoolDescription{
			Id: p.ID, Name: p.Name, LambdaConfig: lambdaConfigOut(p.LambdaConfig),
			CreationDate: awsjson.At(p.CreatedAt), LastModifiedDate: awsjson.At(p.UpdatedAt),
		}
	}
	return out, nil
}
