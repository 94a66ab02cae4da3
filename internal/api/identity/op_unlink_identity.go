package identity

import "context"

type unlinkIdentityInput struct {
	IdentityId     *string           `json:"IdentityId"`
	Logins         map[string]string `json:"Logins"`
	LoginsToRemove []string          `json:"LoginsToRemove"`
}

func (a *API) unlinkIdentity(ctx context.Context, in *unlinkIdentityInput) (*struct{}, error) {
	return nil, a.pools.UnlinkIdentity(ctx, in.IdentityId, in.Logins, in.LoginsToRemove)
}
