package idp

import "context"

// adminDisableUser disables the user and, as Cognito does, revokes every
// token the user holds: enabling the user again does not bring them back.
func (a *API) adminDisableUser(ctx context.Context, in *userRefInput) (*struct{}, error) {
	if err := a.pools.AdminDisableUser(ctx, in.ref()); err != nil {
		return nil, err
	}
	u, err := a.pools.AdminGetUser(ctx, in.ref())
	if err != nil {
		return nil, err
	}
	return nil, a.auth.SignOutUser(ctx, u)
}

func (a *API) adminEnableUser(ctx context.Context, in *userRefInput) (*struct{}, error) {
	return nil, a.pools.AdminEnableUser(ctx, in.ref())
}
