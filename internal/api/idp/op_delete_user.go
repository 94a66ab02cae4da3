package idp

import "context"

// deleteUser deletes the signed-in user; the store removes its sessions
// with it, so its access and refresh tokens stop working at once.
func (a *API) deleteUser(ctx context.Context, in *accessTokenInput) (*empty, error) {
	caller, err := a.auth.VerifyAccessToken(ctx, deref(in.AccessToken))
	if err != nil {
		return nil, err
	}
	if err := a.pools.DeleteUser(ctx, caller.User); err != nil {
		return nil, err
	}
	return &empty{}, nil
}
