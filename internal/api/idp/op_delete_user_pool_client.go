package idp

import "context"

// deleteUserPoolClient is DeleteUserPoolClient; its output has no members.
func (a *API) deleteUserPoolClient(ctx context.Context, in *userPoolClientIDInput) (*struct{}, error) {
	return nil, a.pools.DeleteClient(ctx, in.UserPoolId, in.ClientId)
}
