package userpool

import (
	"fmt"
	"net/url"
	"strings"
	"time"
)

// ClientSettings are the members CreateUserPoolClient and
// UpdateUserPoolClient share, as sent. nil, empty or "" means omitted, and
// an omitted member takes Cognito's default on update too.
type ClientSettings struct {
	ClientName                               *string
	RefreshTokenValidity                     int64
	AccessTokenValidity                      *int64
	IdTokenValidity                          *int64
	TokenValidityUnits                       *TokenValidityUnits
	ReadAttributes                           []string
	WriteAttributes                          []string
	ExplicitAuthFlows                        []string
	SupportedIdentityProviders               []string
	CallbackURLs                             []string
	LogoutURLs                               []string
	DefaultRedirectURI                       string
	AllowedOAuthFlows                        []string
	AllowedOAuthScopes                       []string
	AllowedOAuthFlowsUserPoolClient          bool
	AnalyticsConfiguration                   *AnalyticsConfiguration
	PreventUserExistenceErrors               string
	EnableTokenRevocation                    *bool
	EnablePropagateAdditionalUserContextData *bool
	AuthSessionValidity                      *int64
	RefreshTokenRotation                     *RefreshTokenRotationInput
}

// RefreshTokenRotationInput is RefreshTokenRotationType as sent.
type RefreshTokenRotationInput struct {
	Feature                 string
	RetryGracePeriodSeconds *int64
}

// Explicit authentication flows. The legacy values cannot be mixed with
// the ALLOW_ ones.
var (
	allowFlows   = []string{"ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_CUSTOM_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_AUTH"}
	legacyFlows  = []string{"ADMIN_NO_SRP_AUTH", "CUSTOM_AUTH_FLOW_ONLY", "USER_PASSWORD_AUTH"}
	defaultFlows = []string{"ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH"}
	timeUnits    = []string{"seconds", "minutes", "hours", "days"}
	oauthFlows   = []string{"code", "implicit", "client_credentials"}
	// StandardScopes are the OAuth scopes every pool has; other scopes
	// belong to resource servers ("<identifier>/<name>").
	StandardScopes = []string{"phone", "email", "openid", "profile", "aws.cognito.signin.user.admin"}
)

// Token lifetimes Cognito allows and defaults to.
const (
	minAccessValidity  = 5 * time.Minute
	maxAccessValidity  = 24 * time.Hour
	minRefreshValidity = time.Hour
	maxRefreshValidity = 3650 * 24 * time.Hour
)

func (in *ClientSettings) check(c *checker) {
	c.optStr("clientName", in.ClientName, 1, 128, patPoolName)
	c.intRange("refreshTokenValidity", in.RefreshTokenValidity, 0, 315360000)
	c.optInt("accessTokenValidity", in.AccessTokenValidity, 1, 86400)
	c.optInt("idTokenValidity", in.IdTokenValidity, 1, 86400)
	if u := in.TokenValidityUnits; u != nil {
		c.enum("tokenValidityUnits.accessToken", u.AccessToken, timeUnits...)
		c.enum("tokenValidityUnits.idToken", u.IdToken, timeUnits...)
		c.enum("tokenValidityUnits.refreshToken", u.RefreshToken, timeUnits...)
	}
	c.strList("readAttributes", in.ReadAttributes, 1, 2048, modelPattern{})
	c.strList("writeAttributes", in.WriteAttributes, 1, 2048, modelPattern{})
	c.enumList("explicitAuthFlows", in.ExplicitAuthFlows, append(append([]string{}, legacyFlows...), allowFlows...)...)
	c.strList("supportedIdentityProviders", in.SupportedIdentityProviders, 1, 32, patProviderName)
	c.listLen("callbackURLs", listValue(in.CallbackURLs), len(in.CallbackURLs), 0, 100)
	c.strList("callbackURLs", in.CallbackURLs, 1, 1024, patRedirectURL)
	c.listLen("logoutURLs", listValue(in.LogoutURLs), len(in.LogoutURLs), 0, 100)
	c.strList("logoutURLs", in.LogoutURLs, 1, 1024, patRedirectURL)
	if in.DefaultRedirectURI != "" {
		c.str("defaultRedirectURI", in.DefaultRedirectURI, 1, 1024, patRedirectURL)
	}
	c.listLen("allowedOAuthFlows", listValue(in.AllowedOAuthFlows), len(in.AllowedOAuthFlows), 0, 3)
	c.enumList("allowedOAuthFlows", in.AllowedOAuthFlows, oauthFlows...)
	c.listLen("allowedOAuthScopes", listValue(in.AllowedOAuthScopes), len(in.AllowedOAuthScopes), -1, 50)
	c.strList("allowedOAuthScopes", in.AllowedOAuthScopes, 1, 256, patScope)
	if a := in.AnalyticsConfiguration; a != nil {
		if a.ApplicationId != "" {
			c.str("analyticsConfiguration.applicationId", a.ApplicationId, -1, -1, patHex)
		}
		if a.ApplicationArn != "" {
			c.str("analyticsConfiguration.applicationArn", a.ApplicationArn, 20, 2048, patArn)
		}
		if a.RoleArn != "" {
			c.str("analyticsConfiguration.roleArn", a.RoleArn, 20, 2048, patArn)
		}
	}
	c.enum("preventUserExistenceErrors", in.PreventUserExistenceErrors, "LEGACY", "ENABLED")
	c.optInt("authSessionValidity", in.AuthSessionValidity, 3, 15)
	if r := in.RefreshTokenRotation; r != nil {
		if r.Feature == "" {
			c.null("refreshTokenRotation.feature")
		}
		c.enum("refreshTokenRotation.feature", r.Feature, "ENABLED", "DISABLED")
		c.optInt("refreshTokenRotation.retryGracePeriodSeconds", r.RetryGracePeriodSeconds, 0, 60)
	}
}

// unitDuration is one unit of a TimeUnitsType.
func unitDuration(unit string) time.Duration {
	switch unit {
	case "seconds":
		return time.Second
	case "minutes":
		return time.Minute
	case "days":
		return 24 * time.Hour
	default:
		return time.Hour
	}
}

// validity resolves one token lifetime: the value in its unit (the API's
// default unit when none is given), or the default lifetime expressed in
// the given unit (or in def's own unit if it cannot be).
func validity(value int64, given bool, unit, apiUnit string, def time.Duration, defUnit string) (int64, string) {
	if given {
		return value, orDefault(unit, apiUnit)
	}
	if unit != "" && def%unitDuration(unit) == 0 {
		return int64(def / unitDuration(unit)), unit
	}
	return int64(def / unitDuration(defUnit)), defUnit
}

// apply writes the settings into cl with Cognito's defaults and rules.
// pool is the client's pool, for attribute and secret checks.
func (in *ClientSettings) apply(cl *Client, pool *Pool, creating bool) error {
	if in.ClientName != nil {
		cl.Name = *in.ClientName
	}
	if err := in.applyValidity(cl); err != nil {
		return err
	}
	verb := "updating"
	if creating {
		verb = "creating"
	}
	if !knownAttributes(pool, in.ReadAttributes, false) {
		return Invalid("Invalid read attributes specified while %s a client", verb)
	}
	if !knownAttributes(pool, in.WriteAttributes, true) {
		return Invalid("Invalid write attributes specified while %s a client", verb)
	}
	cl.ReadAttributes = uniqueStrings(in.ReadAttributes)
	cl.WriteAttributes = uniqueStrings(in.WriteAttributes)

	flows := uniqueStrings(in.ExplicitAuthFlows)
	if len(flows) == 0 {
		flows = append([]string{}, defaultFlows...)
	}
	legacy, allow := false, false
	for _, f := range flows {
		legacy = legacy || contains(legacyFlows, f)
		allow = allow || contains(allowFlows, f)
	}
	if legacy && allow {
		return Invalid("ExplicitAuthFlows cannot mix the legacy values ADMIN_NO_SRP_AUTH, CUSTOM_AUTH_FLOW_ONLY and USER_PASSWORD_AUTH with ALLOW_ values.")
	}
	cl.ExplicitAuthFlows = flows

	for _, p := range in.SupportedIdentityProviders {
		// Only the pool's own directory exists until identity providers
		// can be created; then their names are accepted here too.
		if p != "COGNITO" {
			return Invalid("The provider %s does not exist for User Pool %s", p, pool.ID)
		}
	}
	cl.SupportedIdentityProviders = uniqueStrings(in.SupportedIdentityProviders)
	if err := in.applyOAuth(cl); err != nil {
		return err
	}
	cl.AnalyticsConfiguration = nil
	if a := in.AnalyticsConfiguration; a != nil {
		if a.ApplicationArn == "" && (a.ApplicationId == "" || a.RoleArn == "") {
			return Invalid("AnalyticsConfiguration needs an ApplicationArn, or an ApplicationId with a RoleArn.")
		}
		own := *a
		cl.AnalyticsConfiguration = &own
	}
	cl.PreventUserExistenceErrors = orDefault(in.PreventUserExistenceErrors, "LEGACY")
	cl.EnableTokenRevocation = in.EnableTokenRevocation == nil || *in.EnableTokenRevocation
	cl.EnablePropagateAdditionalUserContextData = in.EnablePropagateAdditionalUserContextData != nil && *in.EnablePropagateAdditionalUserContextData
	if cl.EnablePropagateAdditionalUserContextData && !cl.HasSecret() {
		return Invalid("EnablePropagateAdditionalUserContextData can only be activated for an app client that has a client secret.")
	}
	cl.AuthSessionValidity = 3
	if in.AuthSessionValidity != nil {
		cl.AuthSessionValidity = int(*in.AuthSessionValidity)
	}
	cl.RefreshTokenRotation = nil
	if r := in.RefreshTokenRotation; r != nil {
		rot := &RefreshTokenRotation{Feature: r.Feature}
		if r.RetryGracePeriodSeconds != nil {
			rot.RetryGracePeriodSeconds = int(*r.RetryGracePeriodSeconds)
		}
		cl.RefreshTokenRotation = rot
	}
	return nil
}

func (in *ClientSettings) applyValidity(cl *Client) error {
	units := TokenValidityUnits{}
	if in.TokenValidityUnits != nil {
		units = *in.TokenValidityUnits
	}
	access, accessUnit := validity(deref64(in.AccessTokenValidity), in.AccessTokenValidity != nil, units.AccessToken, "hours", time.Hour, "minutes")
	id, idUnit := validity(deref64(in.IdTokenValidity), in.IdTokenValidity != nil, units.IdToken, "hours", time.Hour, "minutes")
	refresh, refreshUnit := validity(in.RefreshTokenValidity, in.RefreshTokenValidity != 0, units.RefreshToken, "days", 30*24*time.Hour, "days")
	accessD := time.Duration(access) * unitDuration(accessUnit)
	idD := time.Duration(id) * unitDuration(idUnit)
	refreshD := time.Duration(refresh) * unitDuration(refreshUnit)
	if accessD < minAccessValidity || accessD > maxAccessValidity ||
		idD < minAccessValidity || idD > maxAccessValidity ||
		refreshD < minRefreshValidity || refreshD > maxRefreshValidity ||
		accessD > refreshD || idD > refreshD {
		return Invalid("Invalid range for token validity.")
	}
	cl.AccessTokenValidity, cl.IdTokenValidity, cl.RefreshTokenValidity = access, id, refresh
	cl.TokenValidityUnits = TokenValidityUnits{AccessToken: accessUnit, IdToken: idUnit, RefreshToken: refreshUnit}
	return nil
}

// AccessTokenLifetime, IDTokenLifetime and RefreshTokenLifetime are the
// client's token lifetimes as durations.
func (c *Client) AccessTokenLifetime() time.Duration {
	return time.Duration(c.AccessTokenValidity) * unitDuration(c.TokenValidityUnits.AccessToken)
}

// IDTokenLifetime is the ID token's lifetime.
func (c *Client) IDTokenLifetime() time.Duration {
	return time.Duration(c.IdTokenValidity) * unitDuration(c.TokenValidityUnits.IdToken)
}

// RefreshTokenLifetime is the refresh token's lifetime.
func (c *Client) RefreshTokenLifetime() time.Duration {
	return time.Duration(c.RefreshTokenValidity) * unitDuration(c.TokenValidityUnits.RefreshToken)
}

func deref64(p *int64) int64 {
	if p == nil {
		return 0
	}
	return *p
}

// knownAttributes reports whether every name is an attribute of the pool's
// schema; the write list cannot name sub, which never changes.
func knownAttributes(pool *Pool, names []string, write bool) bool {
	for _, n := range names {
		if _, ok := pool.Attribute(n); !ok || (write && n == "sub") {
			return false
		}
	}
	return true
}

// applyOAuth checks and keeps the OAuth settings, with Cognito's rules
// between flows, scopes, secrets and URLs.
func (in *ClientSettings) applyOAuth(cl *Client) error {
	for _, u := range in.CallbackURLs {
		if err := checkRedirectURL(u, "callback"); err != nil {
			return err
		}
	}
	for _, u := range in.LogoutURLs {
		if err := checkRedirectURL(u, "logout"); err != nil {
			return err
		}
	}
	if in.DefaultRedirectURI != "" {
		if err := checkRedirectURL(in.DefaultRedirectURI, "default redirect"); err != nil {
			return err
		}
		if !contains(in.CallbackURLs, in.DefaultRedirectURI) {
			return Invalid("DefaultRedirectURI %s must be one of the CallbackURLs.", in.DefaultRedirectURI)
		}
	}
	flows := uniqueStrings(in.AllowedOAuthFlows)
	scopes := uniqueStrings(in.AllowedOAuthScopes)
	if !in.AllowedOAuthFlowsUserPoolClient && (len(flows) > 0 || len(scopes) > 0) {
		return Invalid("AllowedOAuthFlows and AllowedOAuthScopes can be set only when AllowedOAuthFlowsUserPoolClient is true.")
	}
	if in.AllowedOAuthFlowsUserPoolClient {
		if len(flows) == 0 {
			return Errorf(InvalidOAuthFlow, "AllowedOAuthFlows are required when AllowedOAuthFlowsUserPoolClient is true.")
		}
		if len(scopes) == 0 {
			return Invalid("AllowedOAuthScopes are required when AllowedOAuthFlowsUserPoolClient is true.")
		}
	}
	if contains(flows, "client_credentials") {
		if len(flows) > 1 {
			return Errorf(InvalidOAuthFlow, "client_credentials flow can not be selected along with code flow or implicit flow.")
		}
		if !cl.HasSecret() {
			return Errorf(InvalidOAuthFlow, "client_credentials flow can not be selected if client does not have a client secret.")
		}
		for _, s := range scopes {
			if contains(StandardScopes, s) {
				return Errorf(InvalidOAuthFlow, "%s is not supported with client_credentials flow", s)
			}
		}
	}
	if (contains(flows, "code") || contains(flows, "implicit")) && len(in.CallbackURLs) == 0 {
		return Invalid("CallbackURLs are required for the code and implicit OAuth flows.")
	}
	for _, s := range scopes {
		// Resource-server scopes ("<identifier>/<name>") exist once
		// resource servers do; until then only the standard scopes do.
		if !contains(StandardScopes, s) {
			return Errorf(ScopeDoesNotExist, "Invalid scope requested: %s", s)
		}
	}
	cl.CallbackURLs = uniqueStrings(in.CallbackURLs)
	cl.LogoutURLs = uniqueStrings(in.LogoutURLs)
	cl.DefaultRedirectURI = in.DefaultRedirectURI
	cl.AllowedOAuthFlows = flows
	cl.AllowedOAuthScopes = scopes
	cl.AllowedOAuthFlowsUserPoolClient = in.AllowedOAuthFlowsUserPoolClient
	return nil
}

// checkRedirectURL applies Cognito's rules for redirect URLs: absolute,
// no fragment, HTTPS except for http://localhost, http://127.0.0.1 and
// http://[::1]; app schemes such as myapp://callback are allowed.
func checkRedirectURL(raw, kind string) error {
	u, err := url.Parse(raw)
	bad := err != nil || u.Scheme == "" || u.Fragment != "" || strings.Contains(raw, "#")
	if !bad && strings.EqualFold(u.Scheme, "http") {
		switch u.Hostname() {
		case "localhost", "127.0.0.1", "::1":
		default:
			bad = true
		}
	}
	if bad {
		return Invalid("%s is not a valid %s URL: it must be absolute, without a fragment, and use HTTPS unless it is http://localhost, http://127.0.0.1 or http://[::1].", raw, kind)
	}
	return nil
}

// checkSecretValue checks a client secret chosen by the caller.
func checkSecretValue(c *checker, path, secret string) {
	c.secret(path, secret, 24, 64, patClientSecret)
}

// secretID is Cognito's client secret identifier, <client-id>--<epoch-ms>.
func secretID(clientID string, at time.Time) string {
	return fmt.Sprintf("%s--%d", clientID, at.UnixMilli())
}
