package idp

import (
	"context"

	"github.com/incognito-idp/incognito/internal/userpool"
)

type accessTokenInput struct {
	AccessToken *string `json:"AccessToken"`
}

func (a *API) globalSignOut(ctx context.Context, in *accessTokenInput) (*empty, error) {
	caller, err := a.auth.VerifyAccessToken(ctx, deref(in.AccessToken))
	if err != nil {
		return nil, err
	}
	return &empty{}, a.auth.GlobalSignOut(ctx, caller)
}

func (a *API) adminUserGlobalSignOut(ctx context.Context, in *userRefInput) (*empty, error) {
	u, err := a.pools.AdminGetUser(ctx, in.ref())
	if err != nil {
		return nil, err
	}
	return &empty{}, a.auth.SignOutUser(ctx, u)
}

type getUserOutput struct {
	Username            string          `json:"Username"`
	UserAttributes      []wireAttribute `json:"UserAttributes"`
	MFAOptions          []wireMFAOption `json:"MFAOptions,omitempty"`
	PreferredMfaSetting *string         `json:"PreferredMfaSetting,omitempty"`
	UserMFASettingList  []string        `json:"UserMFASettingList,omitempty"`
}

func (a *API) getUser(ctx context.Context, in *accessTokenInput) (*getUserOutput, error) {
	caller, err := a.auth.VerifyAccessToken(ctx, deref(in.AccessToken))
	if err != nil {
		return nil, err
	}
	u := caller.User
	return &getUserOutput{
		Username:            u.Username,
		UserAttributes:      toWireAttributes(userpool.VisibleAttributes(caller.Pool, u)),
		PreferredMfaSetting: optional(u.Private.PreferredMfa),
		UserMFASettingList:  u.Private.EnabledMFAs,
	}, nil
}
