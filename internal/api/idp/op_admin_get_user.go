package idp

import (
	"context"

	"github.com/incognito-idp/incognito/internal/awsjson"
)

type adminGetUserOutput struct {
	Username             string          `json:"Username"`
	UserAttributes       []wireAttribute `json:"UserAttributes"`
	UserCreateDate       *awsjson.Time   `json:"UserCreateDate,omitempty"`
	UserLastModifiedDate *awsjson.Time   `json:"UserLastModifiedDate,omitempty"`
	Enabled              bool            `json:"Enabled"`
	UserStatus           string          `json:"UserStatus"`
	MFAOptions           []wireMFAOption `json:"MFAOptions,omitempty"`
	PreferredMfaSetting  *string         `json:"PreferredMfaSetting,omitempty"`
	UserMFASettingList   []string        `json:"UserMFASettingList,omitempty"`
}

func (a *API) adminGetUser(ctx context.Context, in *userRefInput) (*adminGetUserOutput, error) {
	u, err := a.pools.AdminGetUser(ctx, in.ref())
	if err != nil {
		return nil, err
	}
	w := toWireUser(u)
	return &adminGetUserOutput{
		Username:             w.Username,
		UserAttributes:       w.Attributes,
		UserCreateDate:       w.UserCreateDate,
		UserLastModifiedDate: w.UserLastModifiedDate,
		Enabled:              w.Enabled,
		UserStatus:           w.UserStatus,
		MFAOptions:           w.MFAOptions,
		PreferredMfaSetting:  optional(u.Private.PreferredMfa),
		UserMFASettingList:   u.Private.EnabledMFAs,
	}, nil
}
