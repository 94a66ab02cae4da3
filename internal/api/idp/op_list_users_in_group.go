package idp

import "context"

type listUsersInGroupInput struct {
	groupRefInput
	Limit     *int32  `json:"Limit"`
	NextToken *string `json:"NextToken"`
}

type listUsersInGroupOutput struct {
	Users     []wireUser `json:"Users"`
	NextToken *string    `json:"NextToken,omitempty"`
}

func (a *API) listUsersInGroup(ctx context.Context, in *listUsersInGroupInput) (*listUsersInGroupOutput, error) {
	users, next, err := a.pools.ListUsersInGroup(ctx, in.ref(), int32Limit(in.Limit), in.NextToken)
	if err != nil {
		return nil, err
	}
	return &listUsersInGroupOutput{Users: toWireUsers(users), NextToken: optional(next)}, nil
}
