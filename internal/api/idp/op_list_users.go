package idp

import (
	"context"

	"github.com/incognito-idp/incognito/internal/userpool"
)

type listUsersInput struct {
	UserPoolId      *string  `json:"UserPoolId"`
	AttributesToGet []string `json:"AttributesToGet"`
	Limit           *int32   `json:"Limit"`
	PaginationToken *string  `json:"PaginationToken"`
	Filter          *string  `json:"Filter"`
}

type listUsersOutput struct {
	Users           []wireUser `json:"Users"`
	PaginationToken *string    `json:"PaginationToken,omitempty"`
}

func (a *API) listUsers(ctx context.Context, in *listUsersInput) (*listUsersOutput, error) {
	out, err := a.pools.ListUsers(ctx, userpool.ListUsersInput{
		PoolID:          in.UserPoolId,
		AttributesToGet: in.AttributesToGet,
		Filter:          in.Filter,
		Limit:           int32Limit(in.Limit),
		PaginationToken: in.PaginationToken,
	})
	if err != nil {
		return nil, err
	}
	return &listUsersOutput{Users: toWireUsers(out.Users), PaginationToken: optional(out.PaginationToken)}, nil
}
