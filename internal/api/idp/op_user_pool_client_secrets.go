package idp

import (
	"context"

	"github.com/incognito-idp/incognito/internal/awsjson"
	"github.com/incognito-idp/incognito/internal/userpool"
)

// wireClientSecretDescriptor is ClientSecretDescriptorType.
type wireClientSecretDescriptor struct {
	ClientSecretId         string        `json:"ClientSecretId"`
	ClientSecretValue      string        `json:"ClientSecretValue,omitempty"`
	ClientSecretCreateDate *awsjson.Time `json:"ClientSecretCreateDate,omitempty"`
}

func secretDescriptorOut(d userpool.SecretDescriptor) wireClientSecretDescriptor {
	return wireClientSecretDescriptor{ClientSecretId: d.ID, ClientSecretValue: d.Value,
		ClientSecretCreateDate: awsjson.At(d.CreatedAt)}
}

type addUserPoolClientSecretInput struct {
	UserPoolId   *string `json:"UserPoolId"`
	ClientId     *string `json:"ClientId"`
	ClientSecret *string `json:"ClientSecret"`
}

type addUserPoolClientSecretOutput struct {
	ClientSecretDescriptor wireClientSecretDescriptor `json:"ClientSecretDescriptor"`
}

// addUserPoolClientSecret is AddUserPoolClientSecret.
func (a *API) addUserPoolClientSecret(ctx context.Context, in *addUserPoolClientSecretInput) (*addUserPoolClientSecretOutput, error) {
	d, err := a.pools.AddClientSecret(ctx, in.UserPoolId, in.ClientId, in.ClientSecret)
	if err != nil {
		return nil, err
	}
	return &addUserPoolClientSecretOutput{ClientSecretDescriptor: secretDescriptorOut(*d)}, nil
}

type deleteUserPoolClientSecretInput struct {
	UserPoolId     *string `json:"UserPoolId"`
	ClientId       *string `json:"ClientId"`
	ClientSecretId *string `json:"ClientSecretId"`
}

// deleteUserPoolClientSecret is DeleteUserPoolClientSecret.
func (a *API) deleteUserPoolClientSecret(ctx context.Context, in *deleteUserPoolClientSecretInput) (*struct{}, error) {
	return nil, a.pools.DeleteClientSecret(ctx, in.UserPoolId, in.ClientId, in.ClientSecretId)
}

type listUserPoolClientSecretsInput struct {
	UserPoolId *string `json:"UserPoolId"`
	ClientId   *string `json:"ClientId"`
	NextToken  *string `json:"NextToken"`
}

type listUserPoolClientSecretsOutput struct {
	ClientSecrets []wireClientSecretDescriptor `json:"ClientSecrets"`
}

// listUserPoolClientSecrets is ListUserPoolClientSecrets. A client has at
// most two secrets, so every answer is one page.
func (a *API) listUserPoolClientSecrets(ctx context.Context, in *listUserPoolClientSecretsInput) (*listUserPoolClientSecretsOutput, error) {
	list, err := a.pools.ListClientSecrets(ctx, in.UserPoolId, in.ClientId)
	if err != nil {
		return nil, err
	}
	out := &listUserPoolClientSecretsOutput{ClientSecrets: make([]wireClientSecretDescriptor, len(list))}
	for i, d := range list {
		out.ClientSecrets[i] = secretDescriptorOut(d)
	}
	return out, nil
}
