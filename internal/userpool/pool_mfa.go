package userpool

import "context"

// MfaConfig is a pool's multi-factor configuration as
// GetUserPoolMfaConfig and SetUserPoolMfaConfig show it. Sign-in enforces
// it (a later feature); here it is validated and kept.
type MfaConfig struct {
	MfaConfiguration              string // OFF | ON | OPTIONAL
	SmsMfaConfiguration           *SmsMfaConfig
	SoftwareTokenMfaConfiguration *SoftwareTokenMfaConfig
	EmailMfaConfiguration         *EmailMfaConfig
	WebAuthnConfiguration         *WebAuthnConfig
}

// SetMfaConfigInput is SetUserPoolMfaConfig's request. Factors left out are
// turned off, as in Cognito.
type SetMfaConfigInput struct {
	UserPoolId *string
	MfaConfig
}

// MfaConfigOf is the multi-factor part of a pool.
func MfaConfigOf(p *Pool) *MfaConfig {
	return &MfaConfig{
		MfaConfiguration:              orDefault(p.MfaConfiguration, mfaOff),
		SmsMfaConfiguration:           p.SmsMfaConfiguration,
		SoftwareTokenMfaConfiguration: p.SoftwareTokenMfaConfiguration,
		EmailMfaConfiguration:         p.EmailMfaConfiguration,
		WebAuthnConfiguration:         p.WebAuthnConfiguration,
	}
}

// GetMfaConfig answers GetUserPoolMfaConfig.
func (s *Service) GetMfaConfig(ctx context.Context, poolID *string) (*MfaConfig, error) {
	c := &checker{}
	checkPoolID(c, poolID)
	if err := c.err(); err != nil {
		return nil, err
	}
	p, err := s.GetPool(ctx, *poolID)
	if err != nil {
		return nil, err
	}
	return MfaConfigOf(p), nil
}

// SetMfaConfig answers SetUserPoolMfaConfig.
func (s *Service) SetMfaConfig(ctx context.Context, in SetMfaConfigInput) (*MfaConfig, error) {
	c := &checker{}
	checkPoolID(c, in.UserPoolId)
	c.enum("mfaConfiguration", in.MfaConfiguration, mfaOff, mfaOn, mfaOptional)
	if sms := in.SmsMfaConfiguration; sms != nil {
		checkSms(c, "smsMfaConfiguration.smsAuthenticationMessage", sms.SmsAuthenticationMessage)
		checkSmsConfiguration(c, "smsMfaConfiguration.smsConfiguration", sms.SmsConfiguration, false)
	}
	if e := in.EmailMfaConfiguration; e != nil {
		if e.Message != "" {
			c.str("emailMfaConfiguration.message", e.Message, 6, 20000, patEmailMessage)
		}
		if e.Subject != "" {
			c.str("emailMfaConfiguration.subject", e.Subject, -1, -1, patEmailSubject)
		}
	}
	if w := in.WebAuthnConfiguration; w != nil {
		if w.RelyingPartyId != "" {
			c.str("webAuthnConfiguration.relyingPartyId", w.RelyingPartyId, 1, 127, modelPattern{})
		}
		c.enum("webAuthnConfiguration.userVerification", w.UserVerification, "required", "preferred")
		c.enum("webAuthnConfiguration.factorConfiguration", w.FactorConfiguration, "SINGLE_FACTOR", "MULTI_FACTOR_WITH_USER_VERIFICATION")
	}
	if err := c.err(); err != nil {
		return nil, err
	}
	p, err := s.updatePool(ctx, *in.UserPoolId, func(p *Pool) error {
		mfa := orDefault(in.MfaConfiguration, orDefault(p.MfaConfiguration, mfaOff))
		totp := in.SoftwareTokenMfaConfiguration
		configures := in.SmsMfaConfiguration != nil || in.EmailMfaConfiguration != nil ||
			(totp != nil && totp.Enabled)
		if mfa == mfaOff && configures {
			return Invalid("Invalid MFA configuration given, can't turn off MFA and configure an MFA together.")
		}
		if mfa != mfaOff && !configures {
			return Invalid("Invalid MFA configuration given, can't disable all MFAs with a required or optional configuration.")
		}
		p.MfaConfiguration = mfa
		p.SmsMfaConfiguration = nil
		if sms := in.SmsMfaConfiguration; sms != nil {
			cfg := sms.SmsConfiguration
			if cfg == nil || cfg.SnsCallerArn == "" {
				cfg = p.SmsConfiguration
			}
			if cfg == nil || cfg.SnsCallerArn == "" {
				return Invalid("SMS configuration is required to turn on SMS MFA: give SmsConfiguration with an SnsCallerArn.")
			}
			cfg = &SmsConfiguration{SnsCallerArn: cfg.SnsCallerArn, ExternalId: cfg.ExternalId, SnsRegion: cfg.SnsRegion}
			p.SmsConfiguration = cfg
			if sms.SmsAuthenticationMessage != "" {
				p.SmsAuthenticationMessage = sms.SmsAuthenticationMessage
			}
			own := *cfg
			p.SmsMfaConfiguration = &SmsMfaConfig{SmsAuthenticationMessage: sms.SmsAuthenticationMessage, SmsConfiguration: &own}
		}
		p.SoftwareTokenMfaConfiguration = nil
		if totp != nil {
			p.SoftwareTokenMfaConfiguration = &SoftwareTokenMfaConfig{Enabled: totp.Enabled}
		}
		p.EmailMfaConfiguration = nil
		if e := in.EmailMfaConfiguration; e != nil {
			own := *e
			p.EmailMfaConfiguration = &own
		}
		p.WebAuthnConfiguration = nil
		if w := in.WebAuthnConfiguration; w != nil {
			own := *w
			p.WebAuthnConfiguration = &own
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return MfaConfigOf(p), nil
}
