package userpool

import "time"

// Client is an app client. Settings are serialised as JSON into
// store.ClientRecord.Data.
type Client struct {
	PoolID    string    `json:"-"`
	ClientID  string    `json:"-"`
	Name      string    `json:"-"`
	CreatedAt time.Time `json:"-"`
	UpdatedAt time.Time `json:"-"`

	// Secrets are the client's secrets, newest last. The value is kept
	// sealed at rest (SecretSealed) and shown by DescribeUserPoolClient.
	Secrets []ClientSecret `json:"Secrets,omitempty"`

	RefreshTokenValidity                     int64                   `json:"RefreshTokenValidity"`
	AccessTokenValidity                      int64                   `json:"AccessTokenValidity"`
	IdTokenValidity                          int64                   `json:"IdTokenValidity"`
	TokenValidityUnits                       TokenValidityUnits      `json:"TokenValidityUnits"`
	ReadAttributes                           []string                `json:"ReadAttributes,omitempty"`
	WriteAttributes                          []string                `json:"WriteAttributes,omitempty"`
	ExplicitAuthFlows                        []string                `json:"ExplicitAuthFlows,omitempty"`
	SupportedIdentityProviders               []string                `json:"SupportedIdentityProviders,omitempty"`
	CallbackURLs                             []string                `json:"CallbackURLs,omitempty"`
	LogoutURLs                               []string                `json:"LogoutURLs,omitempty"`
	DefaultRedirectURI                       string                  `json:"DefaultRedirectURI,omitempty"`
	AllowedOAuthFlows                        []string                `json:"AllowedOAuthFlows,omitempty"`
	AllowedOAuthScopes                       []string                `json:"AllowedOAuthScopes,omitempty"`
	AllowedOAuthFlowsUserPoolClient          bool                    `json:"AllowedOAuthFlowsUserPoolClient"`
	AnalyticsConfiguration                   *AnalyticsConfiguration `json:"AnalyticsConfiguration,omitempty"`
	PreventUserExistenceErrors               string                  `json:"PreventUserExistenceErrors,omitempty"` // LEGACY | ENABLED
	EnableTokenRevocation                    bool                    `json:"EnableTokenRevocation"`
	EnablePropagateAdditionalUserContextData bool                    `json:"EnablePropagateAdditionalUserContextData"`
	AuthSessionValidity                      int                     `json:"AuthSessionValidity"` // minutes, 3-15
	RefreshTokenRotation                     *RefreshTokenRotation   `json:"RefreshTokenRotation,omitempty"`
}

// ClientSecret is one secret of a client (clients may have two during
// rotation). Value is sealed at rest by the service.
type ClientSecret struct {
	ID        string    `json:"ID"`
	Value     string    `json:"Value"`
	CreatedAt time.Time `json:"CreatedAt"`
}

// TokenValidityUnits are the units of the three validity fields.
type TokenValidityUnits struct {
	AccessToken  string `json:"AccessToken"` // seconds | minutes | hours | days
	IdToken      string `json:"IdToken"`
	RefreshToken string `json:"RefreshToken"`
}

// AnalyticsConfiguration is kept as given.
type AnalyticsConfiguration struct {
	ApplicationId  string `json:"ApplicationId,omitempty"`
	ApplicationArn string `json:"ApplicationArn,omitempty"`
	RoleArn        string `json:"RoleArn,omitempty"`
	ExternalId     string `json:"ExternalId,omitempty"`
	UserDataShared bool   `json:"UserDataShared"`
}

// RefreshTokenRotation turns on rotation of refresh tokens.
type RefreshTokenRotation struct {
	Feature                 string `json:"Feature"` // ENABLED | DISABLED
	RetryGracePeriodSeconds int    `json:"RetryGracePeriodSeconds"`
}

// HasSecret reports whether the client is confidential.
func (c *Client) HasSecret() bool { return len(c.Secrets) > 0 }
