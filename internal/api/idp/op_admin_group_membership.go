package idp

import "context"

// membershipInput is AdminAddUserToGroup's and AdminRemoveUserFromGroup's
// request.
type membershipInput struct {
	userRefInput
	GroupName *string `json:"GroupName"`
}

func (a *API) adminAddUserToGroup(ctx context.Context, in *membershipInput) (*struct{}, error) {
	return nil, a.pools.AdminAddUserToGroup(ctx, in.ref(), in.GroupName)
}

func (a *API) adminRemoveUserFromGroup(ctx context.Context, in *membershipInput) (*struct{}, error) {
	return nil, a.pools.AdminRemoveUserFromGroup(ctx, in.ref(), in.GroupName)
}

type adminListGroupsForUserInput struct {
	userRefInput
	Limit     *int32  `json:"Limit"`
	NextToken *string `json:"NextToken"`
}

func (a *API) adminListGroupsForUser(ctx context.Context, in *adminListGroupsForUserInput) (*groupListOutput, error) {
	groups, next, err := a.pools.AdminListGroupsForUser(ctx, in.ref(), int32Limit(in.Limit), in.NextToken)
	if err != nil {
		return nil, err
	}
	return &groupListOutput{Groups: toWireGroups(groups), NextToken: optional(next)}, nil
}
