package identity

import "context"

type getOpenIDTokenInput struct {
	IdentityId *string           `json:"IdentityId"`
	Logins     map[string]string `json:"Logins"`
}

func (a *API) getOpenIDToken(ctx context.Context, in *getOpenIDTokenInput) (*openIDOutput, error) {
	res, err := a.pools.GetOpenIDToken(ctx, in.IdentityId, in.Logins)
	if err != nil {
		return nil, err
	}
	return &openIDOutput{IdentityId: res.IdentityID, Token: res.Token}, nil
}
