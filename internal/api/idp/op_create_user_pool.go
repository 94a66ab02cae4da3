package idp

import (
	"context"

	"github.com/incognito-idp/incognito/internal/userpool"
)

type createUserPoolInput struct {
	PoolName *string `json:"PoolName"`
	wirePoolSettings
	Schema                []wireSchemaAttribute      `json:"Schema"`
	AliasAttributes       []string                   `json:"AliasAttributes"`
	UsernameAttributes    []string                   `json:"UsernameAttributes"`
	UsernameConfiguration *wireUsernameConfiguration `json:"UsernameConfiguration"`
}

type userPoolOutput struct {
	UserPool *wireUserPool `json:"UserPool"`
}

// createUserPool is CreateUserPool.
func (a *API) createUserPool(ctx context.Context, in *createUserPoolInput) (*userPoolOutput, error) {
	req := userpool.CreatePoolInput{
		PoolName:           in.PoolName,
		PoolSettings:       in.wirePoolSettings.domain(),
		Schema:             schemaIn(in.Schema),
		AliasAttributes:    in.AliasAttributes,
		UsernameAttributes: in.UsernameAttributes,
	}
	if u := in.UsernameConfiguration; u != nil {
		req.UsernameConfiguration = &userpool.UsernameConfigurationInput{CaseSensitive: u.CaseSensitive}
	}
	p, err := a.pools.CreatePool(ctx, req)
	if err != nil {
		return nil, err
	}
	return &userPoolOutput{UserPool: a.userPoolOut(p, 0)}, nil
}
