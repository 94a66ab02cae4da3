package idp

import (
	"github.com/incognito-idp/incognito/internal/awsjson"
	"github.com/incognito-idp/incognito/internal/userpool"
)

// Wire shapes of app clients (types.UserPoolClientType and its parts).

type wireTokenValidityUnits struct {
	AccessToken  string `json:"AccessToken,omitempty"`
	IdToken      string `json:"IdToken,omitempty"`
	RefreshToken string `json:"RefreshToken,omitempty"`
}

type wireAnalyticsConfiguration struct {
	ApplicationId  string `json:"ApplicationId,omitempty"`
	ApplicationArn string `json:"ApplicationArn,omitempty"`
	RoleArn        string `json:"RoleArn,omitempty"`
	ExternalId     string `json:"ExternalId,omitempty"`
	UserDataShared bool   `json:"UserDataShared"`
}

type wireRefreshTokenRotation struct {
	Feature                 string `json:"Feature,omitempty"`
	RetryGracePeriodSeconds *int64 `json:"RetryGracePeriodSeconds,omitempty"`
}

// wireClientSettings are the members CreateUserPoolClient and
// UpdateUserPoolClient share.
type wireClientSettings struct {
	ClientName                               *string                     `json:"ClientName"`
	RefreshTokenValidity                     int64                       `json:"RefreshTokenValidity"`
	AccessTokenValidity                      *int64                      `json:"AccessTokenValidity"`
	IdTokenValidity                          *int64                      `json:"IdTokenValidity"`
	TokenValidityUnits                       *wireTokenValidityUnits     `json:"TokenValidityUnits"`
	ReadAttributes                           []string                    `json:"ReadAttributes"`
	WriteAttributes                          []string                    `json:"WriteAttributes"`
	ExplicitAuthFlows                        []string                    `json:"ExplicitAuthFlows"`
	SupportedIdentityProviders               []string                    `json:"SupportedIdentityProviders"`
	CallbackURLs                             []string                    `json:"CallbackURLs"`
	LogoutURLs                               []string                    `json:"LogoutURLs"`
	DefaultRedirectURI                       string                      `json:"DefaultRedirectURI"`
	AllowedOAuthFlows                        []string                    `json:"AllowedOAuthFlows"`
	AllowedOAuthScopes                       []string                    `json:"AllowedOAuthScopes"`
	AllowedOAuthFlowsUserPoolClient          bool                        `json:"AllowedOAuthFlowsUserPoolClient"`
	AnalyticsConfiguration                   *wireAnalyticsConfiguration `json:"AnalyticsConfiguration"`
	PreventUserExistenceErrors               string                      `json:"PreventUserExistenceErrors"`
	EnableTokenRevocation                    *bool                       `json:"EnableTokenRevocation"`
	EnablePropagateAdditionalUserContextData *bool                       `json:"EnablePropagateAdditionalUserContextData"`
	AuthSessionValidity                      *int64                      `json:"AuthSessionValidity"`
	RefreshTokenRotation                     *wireRefreshTokenRotation   `json:"RefreshTokenRotation"`
}

func (w *wireClientSettings) domain() userpool.ClientSettings {
	s := userpool.ClientSettings{
		ClientName:                               w.ClientName,
		RefreshTokenValidity:                     w.RefreshTokenValidity,
		AccessTokenValidity:                      w.AccessTokenValidity,
		IdTokenValidity:                          w.IdTokenValidity,
		ReadAttributes:                           w.ReadAttributes,
		WriteAttributes:                          w.WriteAttributes,
		ExplicitAuthFlows:                        w.ExplicitAuthFlows,
		SupportedIdentityProviders:               w.SupportedIdentityProviders,
		CallbackURLs:                             w.CallbackURLs,
		LogoutURLs:                               w.LogoutURLs,
		DefaultRedirectURI:                       w.DefaultRedirectURI,
		AllowedOAuthFlows:                        w.AllowedOAuthFlows,
		AllowedOAuthScopes:                       w.AllowedOAuthScopes,
		AllowedOAuthFlowsUserPoolClient:          w.AllowedOAuthFlowsUserPoolClient,
		PreventUserExistenceErrors:               w.PreventUserExistenceErrors,
		EnableTokenRevocation:                    w.EnableTokenRevocation,
		EnablePropagateAdditionalUserContextData: w.EnablePropagateAdditionalUserContextData,
		AuthSessionValidity:                      w.AuthSessionValidity,
	}
	if u := w.TokenValidityUnits; u != nil {
		s.TokenValidityUnits = &userpool.TokenValidityUnits{AccessToken: u.AccessToken, IdToken: u.IdToken, RefreshToken: u.RefreshToken}
	}
	if a := w.AnalyticsConfiguration; a != nil {
		s.AnalyticsConfiguration = &userpool.AnalyticsConfiguration{ApplicationId: a.ApplicationId,
			ApplicationArn: a.ApplicationArn, RoleArn: a.RoleArn, ExternalId: a.ExternalId, UserDataShared: a.UserDataShared}
	}
	if r := w.RefreshTokenRotation; r != nil {
		s.RefreshTokenRotation = &userpool.RefreshTokenRotationInput{Feature: r.Feature, RetryGracePeriodSeconds: r.RetryGracePeriodSeconds}
	}
	return s
}

// wireUserPoolClient is UserPoolClientType.
type wireUserPoolClient struct {
	UserPoolId                               string                      `json:"UserPoolId"`
	ClientName                               string                      `json:"ClientName"`
	ClientId                                 string                      `json:"ClientId"`
	ClientSecret                             string                      `json:"ClientSecret,omitempty"`
	LastModifiedDate                         *awsjson.Time               `json:"LastModifiedDate,omitempty"`
	CreationDate                             *awsjson.Time               `json:"CreationDate,omitempty"`
	RefreshTokenValidity                     int64                       `json:"RefreshTokenValidity"`
	AccessTokenValidity                      int64                       `json:"AccessTokenValidity"`
	IdTokenValidity                          int64                       `json:"IdTokenValidity"`
	TokenValidityUnits                       *wireTokenValidityUnits     `json:"TokenValidityUnits"`
	ReadAttributes                           []string                    `json:"ReadAttributes,omitempty"`
	WriteAttributes                          []string                    `json:"WriteAttributes,omitempty"`
	ExplicitAuthFlows                        []string                    `json:"ExplicitAuthFlows,omitempty"`
	SupportedIdentityProviders               []string                    `json:"SupportedIdentityProviders,omitempty"`
	CallbackURLs                             []string                    `json:"CallbackURLs,omitempty"`
	LogoutURLs                               []string                    `json:"LogoutURLs,omitempty"`
	DefaultRedirectURI                       string                      `json:"DefaultRedirectURI,omitempty"`
	AllowedOAuthFlows                        []string                    `json:"AllowedOAuthFlows,omitempty"`
	AllowedOAuthScopes                       []string                    `json:"AllowedOAuthScopes,omitempty"`
	AllowedOAuthFlowsUserPoolClient          bool                        `json:"AllowedOAuthFlowsUserPoolClient"`
	AnalyticsConfiguration                   *wireAnalyticsConfiguration `json:"AnalyticsConfiguration,omitempty"`
	PreventUserExistenceErrors               string                      `json:"PreventUserExistenceErrors,omitempty"`
	EnableTokenRevocation                    bool                        `json:"EnableTokenRevocation"`
	EnablePropagateAdditionalUserContextData bool                        `json:"EnablePropagateAdditionalUserContextData"`
	AuthSessionValidity                      int64                       `json:"AuthSessionValidity"`
	RefreshTokenRotation                     *wireRefreshTokenRotation   `json:"RefreshTokenRotation,omitempty"`
}

type userPoolClientOutput struct {
	UserPoolClient *wireUserPoolClient `json:"UserPoolClient"`
}

// userPoolClientOut renders a client; ClientSecret is its first (oldest)
// secret, as DescribeUserPoolClient shows one.
func userPoolClientOut(c *userpool.Client) *wireUserPoolClient {
	w := &wireUserPoolClient{
		UserPoolId: c.PoolID, ClientName: c.Name, ClientId: c.ClientID,
		LastModifiedDate: awsjson.At(c.UpdatedAt), CreationDate: awsjson.At(c.CreatedAt),
		RefreshTokenValidity: c.RefreshTokenValidity, AccessTokenValidity: c.AccessTokenValidity,
		IdTokenValidity: c.IdTokenValidity,
		TokenValidityUnits: &wireTokenValidityUnits{AccessToken: c.TokenValidityUnits.AccessToken,
			IdToken: c.TokenValidityUnits.IdToken, RefreshToken: c.TokenValidityUnits.RefreshToken},
		ReadAttributes: c.ReadAttributes, WriteAttributes: c.WriteAttributes,
		ExplicitAuthFlows: c.ExplicitAuthFlows, SupportedIdentityProviders: c.SupportedIdentityProviders,
		CallbackURLs: c.CallbackURLs, LogoutURLs: c.LogoutURLs, DefaultRedirectURI: c.DefaultRedirectURI,
		AllowedOAuthFlows: c.AllowedOAuthFlows, AllowedOAuthScopes: c.AllowedOAuthScopes,
		AllowedOAuthFlowsUserPoolClient:          c.AllowedOAuthFlowsUserPoolClient,
		PreventUserExistenceErrors:               c.PreventUserExistenceErrors,
		EnableTokenRevocation:                    c.EnableTokenRevocation,
		EnablePropagateAdditionalUserContextData: c.EnablePropagateAdditionalUserContextData,
		AuthSessionValidity:                      int64(c.AuthSessionValidity),
	}
	if c.HasSecret() {
		w.ClientSecret = c.Secrets[0].Value
	}
	if a := c.AnalyticsConfiguration; a != nil {
		w.AnalyticsConfiguration = &wireAnalyticsConfiguration{ApplicationId: a.ApplicationId,
			ApplicationArn: a.ApplicationArn, RoleArn: a.RoleArn, ExternalId: a.ExternalId, UserDataShared: a.UserDataShared}
	}
	if r := c.RefreshTokenRotation; r != nil {
		w.RefreshTokenRotation = &wireRefreshTokenRotation{Feature: r.Feature,
			RetryGracePeriodSeconds: wirePtr(int64(r.RetryGracePeriodSeconds))}
	}
	return w
}
