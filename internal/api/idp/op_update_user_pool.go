package idp

import (
	"context"

	"github.com/incognito-idp/incognito/internal/userpool"
)

type updateUserPoolInput struct {
	UserPoolId *string `json:"UserPoolId"`
	PoolName   *string `json:"PoolName"`
	wirePoolSettings
}

// updateUserPool is UpdateUserPool; its output has no members.
func (a *API) updateUserPool(ctx context.Context, in *updateUserPoolInput) (*struct{}, error) {
	_, err := a.pools.UpdatePool(ctx, userpool.UpdatePoolInput{
		UserPoolId:   in.UserPoolId,
		PoolName:     in.PoolName,
		PoolSettings: in.wirePoolSettings.domain(),
	})
	return nil, err
}
