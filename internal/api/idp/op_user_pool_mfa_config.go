package idp

import (
	"context"

	"github.com/incognito-idp/incognito/internal/userpool"
)

type wireSmsMfaConfig struct {
	SmsAuthenticationMessage string                `json:"SmsAuthenticationMessage,omitempty"`
	SmsConfiguration         *wireSmsConfiguration `json:"SmsConfiguration,omitempty"`
}

type wireSoftwareTokenMfaConfig struct {
	Enabled bool `json:"Enabled"`
}

type wireEmailMfaConfig struct {
	Message string `json:"Message,omitempty"`
	Subject string `json:"Subject,omitempty"`
}

type wireWebAuthnConfig struct {
	RelyingPartyId      string `json:"RelyingPartyId,omitempty"`
	UserVerification    string `json:"UserVerification,omitempty"`
	FactorConfiguration string `json:"FactorConfiguration,omitempty"`
}

// wireMfaConfig is the shape GetUserPoolMfaConfig and SetUserPoolMfaConfig
// share (the request adds UserPoolId).
type wireMfaConfig struct {
	SmsMfaConfiguration           *wireSmsMfaConfig           `json:"SmsMfaConfiguration,omitempty"`
	SoftwareTokenMfaConfiguration *wireSoftwareTokenMfaConfig `json:"SoftwareTokenMfaConfiguration,omitempty"`
	EmailMfaConfiguration         *wireEmailMfaConfig         `json:"EmailMfaConfiguration,omitempty"`
	WebAuthnConfiguration         *wireWebAuthnConfig         `json:"WebAuthnConfiguration,omitempty"`
	MfaConfiguration              string                      `json:"MfaConfiguration,omitempty"`
}

type setUserPoolMfaConfigInput struct {
	UserPoolId *string `json:"UserPoolId"`
	wireMfaConfig
}

func mfaConfigOut(m *userpool.MfaConfig) *wireMfaConfig {
	w := &wireMfaConfig{MfaConfiguration: m.MfaConfiguration}
	if s := m.SmsMfaConfiguration; s != nil {
		w.SmsMfaConfiguration = &wireSmsMfaConfig{SmsAuthenticationMessage: s.SmsAuthenticationMessage,
			SmsConfiguration: smsConfigurationOut(s.SmsConfiguration)}
	}
	if t := m.SoftwareTokenMfaConfiguration; t != nil {
		w.SoftwareTokenMfaConfiguration = &wireSoftwareTokenMfaConfig{Enabled: t.Enabled}
	}
	if e := m.EmailMfaConfiguration; e != nil {
		w.EmailMfaConfiguration = &wireEmailMfaConfig{Message: e.Message, Subject: e.Subject}
	}
	if wa := m.WebAuthnConfiguration; wa != nil {
		w.WebAuthnConfiguration = &wireWebAuthnConfig{RelyingPartyId: wa.RelyingPartyId,
			UserVerification: wa.UserVerification, FactorConfiguration: wa.FactorConfiguration}
	}
	return w
}

// getUserPoolMfaConfig is GetUserPoolMfaConfig.
func (a *API) getUserPoolMfaConfig(ctx context.Context, in *userPoolIDInput) (*wireMfaConfig, error) {
	m, err := a.pools.GetMfaConfig(ctx, in.UserPoolId)
	if err != nil {
		return nil, err
	}
	return mfaConfigOut(m), nil
}

// setUserPoolMfaConfig is SetUserPoolMfaConfig.
func (a *API) setUserPoolMfaConfig(ctx context.Context, in *setUserPoolMfaConfigInput) (*wireMfaConfig, error) {
	req := userpool.SetMfaConfigInput{UserPoolId: in.UserPoolId}
	req.MfaConfiguration = in.MfaConfiguration
	if s := in.SmsMfaConfiguration; s != nil {
		req.SmsMfaConfiguration = &userpool.SmsMfaConfig{SmsAuthenticationMessage: s.SmsAuthenticationMessage,
			SmsConfiguration: smsConfigurationIn(s.SmsConfiguration)}
	}
	if t := in.SoftwareTokenMfaConfiguration; t != nil {
		req.SoftwareTokenMfaConfiguration = &userpool.SoftwareTokenMfaConfig{Enabled: t.Enabled}
	}
	if e := in.EmailMfaConfiguration; e != nil {
		req.EmailMfaConfiguration = &userpool.EmailMfaConfig{Message: e.Message, Subject: e.Subject}
	}
	if w := in.WebAuthnConfiguration; w != nil {
		req.WebAuthnConfiguration = &userpool.WebAuthnConfig{RelyingPartyId: w.RelyingPartyId,
			UserVerification: w.UserVerification, FactorConfiguration: w.FactorConfiguration}
	}
	m, err := a.pools.SetMfaConfig(ctx, req)
	if err != nil {
		return nil, err
	}
	return mfaConfigOut(m), nil
}
