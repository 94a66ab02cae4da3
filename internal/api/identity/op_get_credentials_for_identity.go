package identity

import (
	"context"

	"github.com/incognito-idp/incognito/internal/awsjson"
	"github.com/incognito-idp/incognito/internal/identitypool"
)

type getCredentialsForIdentityInput struct {
	IdentityId    *string           `json:"IdentityId"`
	Logins        map[string]string `json:"Logins"`
	CustomRoleArn *string           `json:"CustomRoleArn"`
}

// credentials is the Credentials shape: note SecretKey, not
// SecretAccessKey as STS names it.
type credentials struct {
	AccessKeyId  string        `json:"AccessKeyId"`
	SecretKey    string        `json:"SecretKey"`
	SessionToken string        `json:"SessionToken"`
	Expiration   *awsjson.Time `json:"Expiration"`
}

type getCredentialsForIdentityOutput struct {
	IdentityId  string      `json:"IdentityId"`
	Credentials credentials `json:"Credentials"`
}

func (a *API) getCredentialsForIdentity(ctx context.Context, in *getCredentialsForIdentityInput) (*getCredentialsForIdentityOutput, error) {
	res, err := a.pools.GetCredentials(ctx, identitypool.CredentialsInput{
		IdentityID: in.IdentityId, Logins: in.Logins, CustomRoleArn: in.CustomRoleArn,
	})
	if err != nil {
		return nil, err
	}
	c := res.Credentials
	return &getCredentialsForIdentityOutput{IdentityId: res.IdentityID, Credentials: credentials{
		AccessKeyId: c.AccessKeyID, SecretKey: c.SecretAccessKey, SessionToken: c.SessionToken, Expiration: awsjson.At(c.Expiration),
	}}, nil
}
