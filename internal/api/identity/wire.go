package identity

import (
	"github.com/incognito-idp/incognito/internal/awsjson"
	"github.com/incognito-idp/incognito/internal/identitypool"
)

// identityPoolWire is the IdentityPool shape: CreateIdentityPool's and
// UpdateIdentityPool's input and the output of both and of
// DescribeIdentityPool.
type identityPoolWire struct {
	IdentityPoolId                 *string                   `json:"IdentityPoolId,omitempty"`
	IdentityPoolName               *string                   `json:"IdentityPoolName,omitempty"`
	AllowUnauthenticatedIdentities *bool                     `json:"AllowUnauthenticatedIdentities,omitempty"`
	AllowClassicFlow               *bool                     `json:"AllowClassicFlow,omitempty"`
	SupportedLoginProviders        map[string]string         `json:"SupportedLoginProviders,omitempty"`
	DeveloperProviderName          *string                   `json:"DeveloperProviderName,omitempty"`
	OpenIdConnectProviderARNs      []string                  `json:"OpenIdConnectProviderARNs,omitempty"`
	CognitoIdentityProviders       []cognitoIdentityProvider `json:"CognitoIdentityProviders,omitempty"`
	SamlProviderARNs               []string                  `json:"SamlProviderARNs,omitempty"`
	IdentityPoolTags               map[string]string         `json:"IdentityPoolTags,omitempty"`
}

type cognitoIdentityProvider struct {
	ProviderName         *string `json:"ProviderName,omitempty"`
	ClientId             *string `json:"ClientId,omitempty"`
	ServerSideTokenCheck *bool   `json:"ServerSideTokenCheck,omitempty"`
}

func (w *identityPoolWire) toInput() identitypool.PoolInput {
	in := identitypool.PoolInput{
		ID: w.IdentityPoolId, Name: w.IdentityPoolName,
		AllowUnauthenticated: w.AllowUnauthenticatedIdentities, AllowClassicFlow: w.AllowClassicFlow,
		SupportedLoginProviders: w.SupportedLoginProviders, DeveloperProviderName: w.DeveloperProviderName,
		OpenIDConnectProviders: w.OpenIdConnectProviderARNs, SAMLProviders: w.SamlProviderARNs,
		Tags: w.IdentityPoolTags,
	}
	for _, p := range w.CognitoIdentityProviders {
		in.CognitoProviders = append(in.CognitoProviders, identitypool.CognitoProviderInput{
			ProviderName: p.ProviderName, ClientID: p.ClientId, ServerSideTokenCheck: p.ServerSideTokenCheck,
		})
	}
	return in
}

func toWirePool(p *identitypool.Pool) *identityPoolWire {
	w := &identityPoolWire{
		IdentityPoolId: &p.ID, IdentityPoolName: &p.Name,
		AllowUnauthenticatedIdentities: &p.AllowUnauthenticated, AllowClassicFlow: &p.AllowClassicFlow,
		SupportedLoginProviders: p.SupportedLoginProviders, OpenIdConnectProviderARNs: p.OpenIDConnectProviders,
		SamlProviderARNs: p.SAMLProviders, IdentityPoolTags: p.Tags,
	}
	if p.DeveloperProviderName != "" {
		w.DeveloperProviderName = &p.DeveloperProviderName
	}
	for _, c := range p.CognitoProviders {
		w.CognitoIdentityProviders = append(w.CognitoIdentityProviders, cognitoIdentityProvider{
			ProviderName: ptr(c.ProviderName), ClientId: ptr(c.ClientID), ServerSideTokenCheck: ptr(c.ServerSideTokenCheck),
		})
	}
	return w
}

// identityDescription is the IdentityDescription shape.
type identityDescription struct {
	IdentityId       string        `json:"IdentityId"`
	Logins           []string      `json:"Logins,omitempty"`
	CreationDate     *awsjson.Time `json:"CreationDate,omitempty"`
	LastModifiedDate *awsjson.Time `json:"LastModifiedDate,omitempty"`
}

func toWireIdentity(i *identitypool.Identity) identityDescription {
	return identityDescription{IdentityId: i.ID, Logins: i.Logins, CreationDate: awsjson.At(i.CreatedAt), LastModifiedDate: awsjson.At(i.UpdatedAt)}
}

// identityPoolRef is the input of operations that name a pool only.
type identityPoolRef struct {
	IdentityPoolId *string `json:"IdentityPoolId"`
}

// identityRef is the input of operations that name an identity only.
type identityRef struct {
	IdentityId *string `json:"IdentityId"`
}

// identityIDOutput is the output of operations that answer an identity ID.
type identityIDOutput struct {
	IdentityId string `json:"IdentityId"`
}

// openIDOutput is GetOpenIdToken's and the developer variant's output.
type openIDOutput struct {
	IdentityId string `json:"IdentityId"`
	Token      string `json:"Token"`
}

func ptr[T any](v T) *T { return &v }

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
