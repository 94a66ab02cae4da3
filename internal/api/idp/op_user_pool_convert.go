package idp

import (
	"github.com/incognito-idp/incognito/internal/awsjson"
	"github.com/incognito-idp/incognito/internal/userpool"
)

// Conversions between the pool wire shapes and the userpool domain.

func wireBool(b *bool) bool { return b != nil && *b }

func wireStr(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func wirePtr[T any](v T) *T { return &v }

func wireNonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func (w *wirePoolSettings) domain() userpool.PoolSettings {
	s := userpool.PoolSettings{
		DeletionProtection:       w.DeletionProtection,
		AutoVerifiedAttributes:   w.AutoVerifiedAttributes,
		SmsVerificationMessage:   w.SmsVerificationMessage,
		EmailVerificationMessage: w.EmailVerificationMessage,
		EmailVerificationSubject: w.EmailVerificationSubject,
		SmsAuthenticationMessage: w.SmsAuthenticationMessage,
		MfaConfiguration:         w.MfaConfiguration,
		UserPoolTags:             w.UserPoolTags,
		UserPoolTier:             w.UserPoolTier,
	}
	if p := w.Policies; p != nil {
		s.Policies = &userpool.PoliciesInput{}
		if pp := p.PasswordPolicy; pp != nil {
			s.Policies.PasswordPolicy = &userpool.PasswordPolicyInput{
				MinimumLength:       pp.MinimumLength,
				RequireUppercase:    wireBool(pp.RequireUppercase),
				RequireLowercase:    wireBool(pp.RequireLowercase),
				RequireNumbers:      wireBool(pp.RequireNumbers),
				RequireSymbols:      wireBool(pp.RequireSymbols),
				PasswordHistorySize: pp.PasswordHistorySize,
			}
			if pp.TemporaryPasswordValidityDays != nil {
				s.Policies.PasswordPolicy.TemporaryPasswordValidityDays = *pp.TemporaryPasswordValidityDays
			}
		}
		if sp := p.SignInPolicy; sp != nil {
			s.Policies.SignInPolicy = &userpool.SignInPolicy{AllowedFirstAuthFactors: sp.AllowedFirstAuthFactors}
		}
	}
	if l := w.LambdaConfig; l != nil {
		s.LambdaConfig = &userpool.LambdaConfig{
			PreSignUp: l.PreSignUp, CustomMessage: l.CustomMessage, PostConfirmation: l.PostConfirmation,
			PreAuthentication: l.PreAuthentication, PostAuthentication: l.PostAuthentication,
			DefineAuthChallenge: l.DefineAuthChallenge, CreateAuthChallenge: l.CreateAuthChallenge,
			VerifyAuthChallengeResponse: l.VerifyAuthChallengeResponse, PreTokenGeneration: l.PreTokenGeneration,
			UserMigration: l.UserMigration, KMSKeyID: l.KMSKeyID,
			PreTokenGenerationConfig: lambdaVersionIn(l.PreTokenGenerationConfig),
			CustomSMSSender:          lambdaVersionIn(l.CustomSMSSender),
			CustomEmailSender:        lambdaVersionIn(l.CustomEmailSender),
			InboundFederation:        lambdaVersionIn(l.InboundFederation),
		}
	}
	if t := w.VerificationMessageTemplate; t != nil {
		s.VerificationMessageTemplate = &userpool.VerificationMessageTemplate{
			SmsMessage: t.SmsMessage, EmailMessage: t.EmailMessage, EmailSubject: t.EmailSubject,
			EmailMessageByLink: t.EmailMessageByLink, EmailSubjectByLink: t.EmailSubjectByLink,
			DefaultEmailOption: t.DefaultEmailOption,
		}
	}
	if u := w.UserAttributeUpdateSettings; u != nil {
		s.UserAttributeUpdateSettings = &userpool.UserAttributeUpdateSettings{
			AttributesRequireVerificationBeforeUpdate: u.AttributesRequireVerificationBeforeUpdate}
	}
	if d := w.DeviceConfiguration; d != nil {
		s.DeviceConfiguration = &userpool.DeviceConfiguration{
			ChallengeRequiredOnNewDevice:     d.ChallengeRequiredOnNewDevice,
			DeviceOnlyRememberedOnUserPrompt: d.DeviceOnlyRememberedOnUserPrompt}
	}
	if e := w.EmailConfiguration; e != nil {
		s.EmailConfiguration = &userpool.EmailConfiguration{SourceArn: e.SourceArn,
			ReplyToEmailAddress: e.ReplyToEmailAddress, EmailSendingAccount: e.EmailSendingAccount,
			From: e.From, ConfigurationSet: e.ConfigurationSet}
	}
	s.SmsConfiguration = smsConfigurationIn(w.SmsConfiguration)
	if a := w.AdminCreateUserConfig; a != nil {
		s.AdminCreateUserConfig = &userpool.AdminCreateUserConfigInput{
			AllowAdminCreateUserOnly:  a.AllowAdminCreateUserOnly,
			UnusedAccountValidityDays: a.UnusedAccountValidityDays,
		}
		if t := a.InviteMessageTemplate; t != nil {
			s.AdminCreateUserConfig.InviteMessageTemplate = &userpool.MessageTemplate{
				SMSMessage: t.SMSMessage, EmailMessage: t.EmailMessage, EmailSubject: t.EmailSubject}
		}
	}
	if a := w.UserPoolAddOns; a != nil {
		s.UserPoolAddOns = &userpool.UserPoolAddOns{AdvancedSecurityMode: a.AdvancedSecurityMode}
		if a.AdvancedSecurityAdditionalFlows != nil {
			s.UserPoolAddOns.CustomAuthMode = a.AdvancedSecurityAdditionalFlows.CustomAuthMode
		}
	}
	if r := w.AccountRecoverySetting; r != nil {
		s.AccountRecoverySetting = &userpool.AccountRecoverySetting{RecoveryMechanisms: []userpool.RecoveryOption{}}
		for _, m := range r.RecoveryMechanisms {
			s.AccountRecoverySetting.RecoveryMechanisms = append(s.AccountRecoverySetting.RecoveryMechanisms,
				userpool.RecoveryOption{Priority: int(wireClamp(m.Priority)), Name: m.Name})
		}
	}
	if i := w.IssuerConfiguration; i != nil {
		s.IssuerConfiguration = &userpool.IssuerConfiguration{Type: i.Type}
	}
	if k := w.KeyConfiguration; k != nil {
		s.KeyConfiguration = &userpool.KeyConfiguration{KeyType: k.KeyType, KmsKeyArn: k.KmsKeyArn}
	}
	return s
}

// clampInt keeps an out-of-range wire integer out of range after the
// conversion to int, so that validation still reports it.
func wireClamp(n int64) int64 {
	const limit = 1 << 30
	switch {
	case n > limit:
		return limit
	case n < -limit:
		return -limit
	}
	return n
}

func lambdaVersionIn(w *wireLambdaVersion) *userpool.LambdaVersionArn {
	if w == nil {
		return nil
	}
	return &userpool.LambdaVersionArn{LambdaVersion: w.LambdaVersion, LambdaArn: w.LambdaArn}
}

func lambdaVersionOut(l *userpool.LambdaVersionArn) *wireLambdaVersion {
	if l == nil {
		return nil
	}
	return &wireLambdaVersion{LambdaVersion: l.LambdaVersion, LambdaArn: l.LambdaArn}
}

func smsConfigurationIn(w *wireSmsConfiguration) *userpool.SmsConfiguration {
	if w == nil {
		return nil
	}
	return &userpool.SmsConfiguration{SnsCallerArn: w.SnsCallerArn, ExternalId: w.ExternalId, SnsRegion: w.SnsRegion}
}

func smsConfigurationOut(s *userpool.SmsConfiguration) *wireSmsConfiguration {
	if s == nil {
		return nil
	}
	return &wireSmsConfiguration{SnsCallerArn: s.SnsCallerArn, ExternalId: s.ExternalId, SnsRegion: s.SnsRegion}
}

func schemaIn(list []wireSchemaAttribute) []userpool.SchemaAttributeInput {
	if list == nil {
		return nil
	}
	out := make([]userpool.SchemaAttributeInput, len(list))
	for i, a := range list {
		in := userpool.SchemaAttributeInput{
			Name: a.Name, AttributeDataType: a.AttributeDataType,
			DeveloperOnlyAttribute: a.DeveloperOnlyAttribute, Mutable: a.Mutable, Required: a.Required,
		}
		if n := a.NumberAttributeConstraints; n != nil {
			in.NumberAttributeConstraints = &userpool.NumberConstraints{MinValue: wireStr(n.MinValue), MaxValue: wireStr(n.MaxValue)}
		}
		if s := a.StringAttributeConstraints; s != nil {
			in.StringAttributeConstraints = &userpool.StringConstraints{MinLength: wireStr(s.MinLength), MaxLength: wireStr(s.MaxLength)}
		}
		out[i] = in
	}
	return out
}

func schemaOut(list []userpool.SchemaAttribute) []wireSchemaAttribute {
	out := make([]wireSchemaAttribute, len(list))
	for i, a := range list {
		w := wireSchemaAttribute{
			Name: wirePtr(a.Name), AttributeDataType: a.AttributeDataType,
			DeveloperOnlyAttribute: wirePtr(a.DeveloperOnlyAttribute), Mutable: wirePtr(a.Mutable), Required: wirePtr(a.Required),
		}
		if n := a.NumberAttributeConstraints; n != nil {
			w.NumberAttributeConstraints = &wireNumberConstraints{MinValue: wireNonEmpty(n.MinValue), MaxValue: wireNonEmpty(n.MaxValue)}
		}
		if s := a.StringAttributeConstraints; s != nil {
			w.StringAttributeConstraints = &wireStringConstraints{MinLength: wireNonEmpty(s.MinLength), MaxLength: wireNonEmpty(s.MaxLength)}
		}
		out[i] = w
	}
	return out
}

func lambdaConfigOut(l *userpool.LambdaConfig) *wireLambdaConfig {
	if l == nil {
		return &wireLambdaConfig{}
	}
	return &wireLambdaConfig{
		PreSignUp: l.PreSignUp, CustomMessage: l.CustomMessage, PostConfirmation: l.PostConfirmation,
		PreAuthentication: l.PreAuthentication, PostAuthentication: l.PostAuthentication,
		DefineAuthChallenge: l.DefineAuthChallenge, CreateAuthChallenge: l.CreateAuthChallenge,
		VerifyAuthChallengeResponse: l.VerifyAuthChallengeResponse, PreTokenGeneration: l.PreTokenGeneration,
		UserMigration: l.UserMigration, KMSKeyID: l.KMSKeyID,
		PreTokenGenerationConfig: lambdaVersionOut(l.PreTokenGenerationConfig),
		CustomSMSSender:          lambdaVersionOut(l.CustomSMSSender),
		CustomEmailSender:        lambdaVersionOut(l.CustomEmailSender),
		InboundFederation:        lambdaVersionOut(l.InboundFederation),
	}
}

// userPoolOut renders a pool as UserPoolType.
func (a *API) userPoolOut(p *userpool.Pool, users int64) *wireUserPool {
	pp := p.Policies.PasswordPolicy
	w := &wireUserPool{
		Id: p.ID, Name: p.Name, Arn: a.pools.PoolArn(p.ID),
		CreationDate: awsjson.At(p.CreatedAt), LastModifiedDate: awsjson.At(p.UpdatedAt),
		Policies: &wirePolicies{PasswordPolicy: &wirePasswordPolicy{
			MinimumLength:    wirePtr(int64(pp.MinimumLength)),
			RequireUppercase: wirePtr(pp.RequireUppercase), RequireLowercase: wirePtr(pp.RequireLowercase),
			RequireNumbers: wirePtr(pp.RequireNumbers), RequireSymbols: wirePtr(pp.RequireSymbols),
			TemporaryPasswordValidityDays: wirePtr(int64(pp.TemporaryPasswordValidityDays)),
		}},
		DeletionProtection:       p.DeletionProtection,
		LambdaConfig:             lambdaConfigOut(p.LambdaConfig),
		SchemaAttributes:         schemaOut(p.Schema),
		AutoVerifiedAttributes:   p.AutoVerifiedAttributes,
		AliasAttributes:          p.AliasAttributes,
		UsernameAttributes:       p.UsernameAttributes,
		SmsVerificationMessage:   p.SmsVerificationMessage,
		EmailVerificationMessage: p.EmailVerificationMessage,
		EmailVerificationSubject: p.EmailVerificationSubject,
		SmsAuthenticationMessage: p.SmsAuthenticationMessage,
		MfaConfiguration:         p.MfaConfiguration,
		EstimatedNumberOfUsers:   users,
		SmsConfiguration:         smsConfigurationOut(p.SmsConfiguration),
		UserPoolTags:             map[string]string{},
		Domain:                   p.Domain,
		CustomDomain:             p.CustomDomain,
		UserPoolTier:             p.UserPoolTier,
	}
	if w.MfaConfiguration == "" {
		w.MfaConfiguration = "OFF"
	}
	if pp.PasswordHistorySize > 0 {
		w.Policies.PasswordPolicy.PasswordHistorySize = wirePtr(int64(pp.PasswordHistorySize))
	}
	if sp := p.Policies.SignInPolicy; sp != nil {
		w.Policies.SignInPolicy = &wireSignInPolicy{AllowedFirstAuthFactors: sp.AllowedFirstAuthFactors}
	}
	if t := p.VerificationMessageTemplate; t != nil {
		w.VerificationMessageTemplate = &wireVerificationMessageTemplate{
			SmsMessage: t.SmsMessage, EmailMessage: t.EmailMessage, EmailSubject: t.EmailSubject,
			EmailMessageByLink: t.EmailMessageByLink, EmailSubjectByLink: t.EmailSubjectByLink,
			DefaultEmailOption: t.DefaultEmailOption}
	}
	if u := p.UserAttributeUpdateSettings; u != nil {
		attrs := u.AttributesRequireVerificationBeforeUpdate
		if attrs == nil {
			attrs = []string{}
		}
		w.UserAttributeUpdateSettings = &wireUserAttributeUpdateSettings{AttributesRequireVerificationBeforeUpdate: attrs}
	}
	if d := p.DeviceConfiguration; d != nil {
		w.DeviceConfiguration = &wireDeviceConfiguration{ChallengeRequiredOnNewDevice: d.ChallengeRequiredOnNewDevice,
			DeviceOnlyRememberedOnUserPrompt: d.DeviceOnlyRememberedOnUserPrompt}
	}
	if e := p.EmailConfiguration; e != nil {
		w.EmailConfiguration = &wireEmailConfiguration{SourceArn: e.SourceArn, ReplyToEmailAddress: e.ReplyToEmailAddress,
			EmailSendingAccount: e.EmailSendingAccount, From: e.From, ConfigurationSet: e.ConfigurationSet}
	}
	for k, v := range p.UserPoolTags {
		w.UserPoolTags[k] = v
	}
	ac := p.AdminCreateUserConfig
	w.AdminCreateUserConfig = &wireAdminCreateUserConfig{AllowAdminCreateUserOnly: ac.AllowAdminCreateUserOnly,
		UnusedAccountValidityDays: int64(ac.UnusedAccountValidityDays)}
	if t := ac.InviteMessageTemplate; t != nil {
		w.AdminCreateUserConfig.InviteMessageTemplate = &wireMessageTemplate{SMSMessage: t.SMSMessage,
			EmailMessage: t.EmailMessage, EmailSubject: t.EmailSubject}
	}
	if ao := p.UserPoolAddOns; ao != nil {
		w.UserPoolAddOns = &wireUserPoolAddOns{AdvancedSecurityMode: ao.AdvancedSecurityMode}
		if ao.CustomAuthMode != "" {
			w.UserPoolAddOns.AdvancedSecurityAdditionalFlows = &wireAdditionalFlows{CustomAuthMode: ao.CustomAuthMode}
		}
	}
	if p.UsernameConfigured {
		w.UsernameConfiguration = &wireUsernameConfiguration{CaseSensitive: wirePtr(p.UsernameCaseSensitive)}
	}
	if r := p.AccountRecoverySetting; r != nil {
		w.AccountRecoverySetting = &wireAccountRecoverySetting{}
		for _, m := range r.RecoveryMechanisms {
			w.AccountRecoverySetting.RecoveryMechanisms = append(w.AccountRecoverySetting.RecoveryMechanisms,
				wireRecoveryOption{Priority: int64(m.Priority), Name: m.Name})
		}
	}
	if i := p.IssuerConfiguration; i != nil {
		w.IssuerConfiguration = &wireIssuerConfiguration{Type: i.Type}
	}
	if k := p.KeyConfiguration; k != nil {
		w.KeyConfiguration = &wireKeyConfiguration{KeyType: k.KeyType, KmsKeyArn: k.KmsKeyArn}
	}
	return w
}
