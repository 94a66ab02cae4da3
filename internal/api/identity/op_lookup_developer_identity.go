package identity

import (
	"context"

	"github.com/incognito-idp/incognito/internal/identitypool"
)

type lookupDeveloperIdentityInput struct {
	IdentityPoolId          *string `json:"IdentityPoolId"`
	IdentityId              *string `json:"IdentityId"`
	DeveloperUserIdentifier *string `json:"DeveloperUserIdentifier"`
	MaxResults              *int64  `json:"MaxResults"`
	NextToken               *string `json:"NextToken"`
}

type lookupDeveloperIdentityOutput struct {
	IdentityId                  string   `json:"IdentityId"`
	DeveloperUserIdentifierList []string `json:"DeveloperUserIdentifierList"`
	NextToken                   *string  `json:"NextToken,omitempty"`
}

func (a *API) lookupDeveloperIdentity(ctx context.Context, in *lookupDeveloperIdentityInput) (*lookupDeveloperIdentityOutput, error) {
	res, err := a.pools.LookupDeveloper(ctx, identitypool.LookupInput{
		PoolID: in.IdentityPoolId, IdentityID: in.IdentityId, DeveloperUser: in.DeveloperUserIdentifier,
		MaxResults: in.MaxResults, NextToken: in.NextToken,
	})
	if err != nil {
		return nil, err
	}
	users := res.DeveloperUsers
	if users == nil {
		users = []string{}
	}
	return &lookupDeveloperIdentityOutput{IdentityId: res.IdentityID, DeveloperUserIdentifierList: users, NextToken: optional(res.NextToken)}, nil
}
