package idp

import "context"

type listGroupsInput struct {
	UserPoolId *string `json:"UserPoolId"`
	Limit      *int32  `json:"Limit"`
	NextToken  *string `json:"NextToken"`
}

func (a *API) listGroups(ctx context.Context, in *listGroupsInput) (*groupListOutput, error) {
	groups, next, err := a.pools.ListGroups(ctx, in.UserPoolId, int32Limit(in.Limit), in.NextToken)
	if err != nil {
		return nil, err
	}
	return &groupListOutput{Groups: toWireGroups(groups), NextToken: optional(next)}, nil
}
