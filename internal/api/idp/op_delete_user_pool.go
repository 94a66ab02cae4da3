package idp

import "context"

// deleteUserPool is DeleteUserPool; its output has no members.
func (a *API) deleteUserPool(ctx context.Context, in *userPoolIDInput) (*struct{}, error) {
	return nil, a.pools.DeletePool(ctx, in.UserPoolId)
}
