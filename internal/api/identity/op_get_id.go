package identity

import (
	"context"

	"github.com/incognito-idp/incognito/internal/identitypool"
)

type getIDInput struct {
	AccountId      *string           `json:"AccountId"`
	IdentityPoolId *string           `json:"IdentityPoolId"`
	Logins         map[string]string `json:"Logins"`
}

func (a *API) getID(ctx context.Context, in *getIDInput) (*identityIDOutput, error) {
	id, err := a.pools.GetID(ctx, identitypool.GetIDInput{AccountID: in.AccountId, PoolID: in.IdentityPoolId, Logins: in.Logins})
	if err != nil {
		return nil, err
	}
	return &identityIDOutput{IdentityId: id}, nil
}
