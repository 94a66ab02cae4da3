package userpool

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// PoolSettings are the members CreateUserPool and UpdateUserPool share, as
// sent. A nil pointer, nil list or "" means the member was omitted; an
// omitted member takes Cognito's default (on update too: the API
// reference says "If you don't provide a value for an attribute, Amazon
// Cognito sets it to its default value").
type PoolSettings struct {
	Policies                    *PoliciesInput
	DeletionProtection          string
	LambdaConfig                *LambdaConfig
	AutoVerifiedAttributes      []string
	SmsVerificationMessage      string
	EmailVerificationMessage    string
	EmailVerificationSubject    string
	VerificationMessageTemplate *VerificationMessageTemplate
	SmsAuthenticationMessage    string
	UserAttributeUpdateSettings *UserAttributeUpdateSettings
	MfaConfiguration            string
	DeviceConfiguration         *DeviceConfiguration
	EmailConfiguration          *EmailConfiguration
	SmsConfiguration            *SmsConfiguration
	UserPoolTags                map[string]string
	AdminCreateUserConfig       *AdminCreateUserConfigInput
	UserPoolAddOns              *UserPoolAddOns
	AccountRecoverySetting      *AccountRecoverySetting
	UserPoolTier                string
	IssuerConfiguration         *IssuerConfiguration
	KeyConfiguration            *KeyConfiguration
}

// PoliciesInput is UserPoolPolicyType as sent.
type PoliciesInput struct {
	PasswordPolicy *PasswordPolicyInput
	SignInPolicy   *SignInPolicy
}

// PasswordPolicyInput is PasswordPolicyType as sent.
type PasswordPolicyInput struct {
	MinimumLength                 *int64
	RequireUppercase              bool
	RequireLowercase              bool
	RequireNumbers                bool
	RequireSymbols                bool
	PasswordHistorySize           *int64
	TemporaryPasswordValidityDays int64
}

// AdminCreateUserConfigInput is AdminCreateUserConfigType as sent.
type AdminCreateUserConfigInput struct {
	AllowAdminCreateUserOnly  bool
	UnusedAccountValidityDays int64
	InviteMessageTemplate     *MessageTemplate
}

// Defaults Cognito applies.
const (
	poolDefaultMinLength       = 8
	poolDefaultTempDays        = 7
	poolDefaultEmailOption     = "CONFIRM_WITH_CODE"
	poolDefaultEmailAccount    = "COGNITO_DEFAULT"
	poolDefaultTier            = "ESSENTIALS"
	mfaOff, mfaOn, mfaOptional = "OFF", "ON", "OPTIONAL"
)

// DefaultPasswordPolicy is the policy of a pool created without one.
func DefaultPasswordPolicy() PasswordPolicy {
	return PasswordPolicy{MinimumLength: poolDefaultMinLength, RequireUppercase: true,
		RequireLowercase: true, RequireNumbers: true, RequireSymbols: true,
		TemporaryPasswordValidityDays: poolDefaultTempDays}
}

var (
	verifiedAttributes = []string{"phone_number", "email"}
	authFactors        = []string{"PASSWORD", "EMAIL_OTP", "SMS_OTP", "WEB_AUTHN"}
)

// check applies the model constraints of every shared member.
func (in *PoolSettings) check(c *checker) {
	if p := in.Policies; p != nil {
		if pp := p.PasswordPolicy; pp != nil {
			c.optInt("policies.passwordPolicy.minimumLength", pp.MinimumLength, 6, 99)
			c.optInt("policies.passwordPolicy.passwordHistorySize", pp.PasswordHistorySize, 0, 24)
			c.intRange("policies.passwordPolicy.temporaryPasswordValidityDays", pp.TemporaryPasswordValidityDays, 0, 365)
		}
		if sp := p.SignInPolicy; sp != nil {
			path := "policies.signInPolicy.allowedFirstAuthFactors"
			c.listLen(path, listValue(sp.AllowedFirstAuthFactors), len(sp.AllowedFirstAuthFactors), 1, 4)
			c.enumList(path, sp.AllowedFirstAuthFactors, authFactors...)
		}
	}
	c.enum("deletionProtection", in.DeletionProtection, "ACTIVE", "INACTIVE")
	checkLambdaConfig(c, in.LambdaConfig)
	c.enumList("autoVerifiedAttributes", in.AutoVerifiedAttributes, verifiedAttributes...)
	checkSms(c, "smsVerificationMessage", in.SmsVerificationMessage)
	checkSms(c, "smsAuthenticationMessage", in.SmsAuthenticationMessage)
	if in.EmailVerificationMessage != "" {
		c.str("emailVerificationMessage", in.EmailVerificationMessage, 6, 20000, patEmailMessage)
	}
	if in.EmailVerificationSubject != "" {
		c.str("emailVerificationSubject", in.EmailVerificationSubject, 1, 140, patEmailSubject)
	}
	if t := in.VerificationMessageTemplate; t != nil {
		checkSms(c, "verificationMessageTemplate.smsMessage", t.SmsMessage)
		if t.EmailMessage != "" {
			c.str("verificationMessageTemplate.emailMessage", t.EmailMessage, 6, 20000, patEmailMessage)
		}
		if t.EmailSubject != "" {
			c.str("verificationMessageTemplate.emailSubject", t.EmailSubject, 1, 140, patEmailSubject)
		}
		if t.EmailMessageByLink != "" {
			c.str("verificationMessageTemplate.emailMessageByLink", t.EmailMessageByLink, 6, 20000, patEmailByLink)
		}
		if t.EmailSubjectByLink != "" {
			c.str("verificationMessageTemplate.emailSubjectByLink", t.EmailSubjectByLink, 1, 140, patEmailSubject)
		}
		c.enum("verificationMessageTemplate.poolDefaultEmailOption", t.DefaultEmailOption, "CONFIRM_WITH_LINK", "CONFIRM_WITH_CODE")
	}
	if u := in.UserAttributeUpdateSettings; u != nil {
		c.enumList("userAttributeUpdateSettings.attributesRequireVerificationBeforeUpdate",
			u.AttributesRequireVerificationBeforeUpdate, verifiedAttributes...)
	}
	c.enum("mfaConfiguration", in.MfaConfiguration, mfaOff, mfaOn, mfaOptional)
	if e := in.EmailConfiguration; e != nil {
		if e.SourceArn != "" {
			c.str("emailConfiguration.sourceArn", e.SourceArn, 20, 2048, patArn)
		}
		if e.ReplyToEmailAddress != "" {
			c.str("emailConfiguration.replyToEmailAddress", e.ReplyToEmailAddress, -1, -1, patEmailAddress)
		}
		c.enum("emailConfiguration.emailSendingAccount", e.EmailSendingAccount, "COGNITO_DEFAULT", "DEVELOPER")
		c.str("emailConfiguration.from", e.From, 0, 131072, modelPattern{})
		if e.ConfigurationSet != "" {
			c.str("emailConfiguration.configurationSet", e.ConfigurationSet, 1, 64, patSESConfigSet)
		}
	}
	checkSmsConfiguration(c, "smsConfiguration", in.SmsConfiguration, true)
	checkTags(c, in.UserPoolTags)
	if a := in.AdminCreateUserConfig; a != nil {
		c.intRange("adminCreateUserConfig.unusedAccountValidityDays", a.UnusedAccountValidityDays, 0, 365)
		if t := a.InviteMessageTemplate; t != nil {
			if t.SMSMessage != "" {
				c.str("adminCreateUserConfig.inviteMessageTemplate.sMSMessage", t.SMSMessage, 6, 140, patInviteSMS)
			}
			if t.EmailMessage != "" {
				c.str("adminCreateUserConfig.inviteMessageTemplate.emailMessage", t.EmailMessage, 6, 20000, patInviteEmail)
			}
			if t.EmailSubject != "" {
				c.str("adminCreateUserConfig.inviteMessageTemplate.emailSubject", t.EmailSubject, 1, 140, patEmailSubject)
			}
		}
	}
	if a := in.UserPoolAddOns; a != nil {
		if a.AdvancedSecurityMode == "" {
			c.null("userPoolAddOns.advancedSecurityMode")
		}
		c.enum("userPoolAddOns.advancedSecurityMode", a.AdvancedSecurityMode, "OFF", "AUDIT", "ENFORCED")
		c.enum("userPoolAddOns.advancedSecurityAdditionalFlows.customAuthMode", a.CustomAuthMode, "AUDIT", "ENFORCED")
	}
	if r := in.AccountRecoverySetting; r != nil && r.RecoveryMechanisms != nil {
		names := make([]string, len(r.RecoveryMechanisms))
		for i, m := range r.RecoveryMechanisms {
			names[i] = m.Name
		}
		c.listLen("accountRecoverySetting.recoveryMechanisms", listValue(names), len(names), 1, 2)
		for i, m := range r.RecoveryMechanisms {
			p := fmt.Sprintf("accountRecoverySetting.recoveryMechanisms.%d.member", i+1)
			if m.Priority == 0 {
				c.null(p + ".priority")
			} else {
				c.intRange(p+".priority", int64(m.Priority), 1, 2)
			}
			if m.Name == "" {
				c.null(p + ".name")
			}
			c.enum(p+".name", m.Name, "verified_email", "verified_phone_number", "admin_only")
		}
	}
	c.enum("userPoolTier", in.UserPoolTier, "LITE", "ESSENTIALS", "PLUS")
	if ic := in.IssuerConfiguration; ic != nil {
		c.enum("issuerConfiguration.type", ic.Type, "ORIGINAL", "UPDATED")
	}
	if kc := in.KeyConfiguration; kc != nil {
		c.enum("keyConfiguration.keyType", kc.KeyType, "AWS_OWNED_KEY", "CUSTOMER_MANAGED_KEY")
		if kc.KmsKeyArn != "" {
			c.str("keyConfiguration.kmsKeyArn", kc.KmsKeyArn, 20, 2048, patArn)
		}
	}
}

func checkSms(c *checker, path, s string) {
	if s != "" {
		c.str(path, s, 6, 140, patSmsMessage)
	}
}

// checkSmsConfiguration checks SmsConfigurationType; in SetUserPoolMfaConfig
// SnsCallerArn is optional (OptionalArnType), elsewhere required.
func checkSmsConfiguration(c *checker, path string, s *SmsConfiguration, callerRequired bool) {
	if s == nil {
		return
	}
	switch {
	case s.SnsCallerArn == "" && callerRequired:
		c.null(path + ".snsCallerArn")
	case s.SnsCallerArn != "" && callerRequired:
		c.str(path+".snsCallerArn", s.SnsCallerArn, 20, 2048, patArn)
	case s.SnsCallerArn != "":
		c.str(path+".snsCallerArn", s.SnsCallerArn, 0, 2048, patOptionalArn)
	}
	c.str(path+".externalId", s.ExternalId, 0, 131072, modelPattern{})
	if s.SnsRegion != "" {
		c.str(path+".snsRegion", s.SnsRegion, 5, 32, modelPattern{})
	}
}

func checkTags(c *checker, tags map[string]string) {
	keys := make([]string, 0, len(tags))
	for k := range tags {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if n := len([]rune(k)); n < 1 || n > 128 {
			c.fail("userPoolTags", k, "Map keys must satisfy constraint: [Member must have length less than or equal to 128, Member must have length greater than or equal to 1]")
		}
		if len([]rune(tags[k])) > 256 {
			c.fail("userPoolTags", tags[k], "Map value must satisfy constraint: [Member must have length less than or equal to 256, Member must have length greater than or equal to 0]")
		}
	}
}

func checkLambdaConfig(c *checker, l *LambdaConfig) {
	if l == nil {
		return
	}
	arns := []struct{ path, v string }{
		{"preSignUp", l.PreSignUp}, {"customMessage", l.CustomMessage},
		{"postConfirmation", l.PostConfirmation}, {"preAuthentication", l.PreAuthentication},
		{"postAuthentication", l.PostAuthentication}, {"defineAuthChallenge", l.DefineAuthChallenge},
		{"createAuthChallenge", l.CreateAuthChallenge},
		{"verifyAuthChallengeResponse", l.VerifyAuthChallengeResponse},
		{"preTokenGeneration", l.PreTokenGeneration}, {"userMigration", l.UserMigration},
		{"kMSKeyID", l.KMSKeyID},
	}
	for _, a := range arns {
		if a.v != "" {
			c.str("lambdaConfig."+a.path, a.v, 20, 2048, patArn)
		}
	}
	versioned := []struct {
		path     string
		v        *LambdaVersionArn
		versions []string
	}{
		{"preTokenGenerationConfig", l.PreTokenGenerationConfig, []string{"V1_0", "V2_0", "V3_0"}},
		{"customSMSSender", l.CustomSMSSender, []string{"V1_0"}},
		{"customEmailSender", l.CustomEmailSender, []string{"V1_0"}},
		{"inboundFederation", l.InboundFederation, []string{"V1_0"}},
	}
	for _, x := range versioned {
		if x.v == nil {
			continue
		}
		p := "lambdaConfig." + x.path
		if x.v.LambdaVersion == "" {
			c.null(p + ".lambdaVersion")
		}
		c.enum(p+".lambdaVersion", x.v.LambdaVersion, x.versions...)
		if x.v.LambdaArn == "" {
			c.null(p + ".lambdaArn")
		} else {
			c.str(p+".lambdaArn", x.v.LambdaArn, 20, 2048, patArn)
		}
	}
}

// apply writes the settings into p, with Cognito's defaults for omitted
// members and its rules across members. It is used by create and update
// alike; p's schema and username settings are already in place.
func (in *PoolSettings) apply(p *Pool) error {
	if err := in.applyPolicies(p); err != nil {
		return err
	}
	p.DeletionProtection = orDefault(in.DeletionProtection, "INACTIVE")
	p.LambdaConfig = nil
	if in.LambdaConfig != nil && *in.LambdaConfig != (LambdaConfig{}) {
		l := *in.LambdaConfig
		if (l.CustomSMSSender != nil || l.CustomEmailSender != nil) && l.KMSKeyID == "" {
			return Invalid("KMSKeyID is required when a CustomSMSSender or CustomEmailSender trigger is set.")
		}
		p.LambdaConfig = &l
	}
	p.AutoVerifiedAttributes = uniqueStrings(in.AutoVerifiedAttributes)
	p.SmsVerificationMessage = in.SmsVerificationMessage
	p.EmailVerificationMessage = in.EmailVerificationMessage
	p.EmailVerificationSubject = in.EmailVerificationSubject
	p.SmsAuthenticationMessage = in.SmsAuthenticationMessage
	t := VerificationMessageTemplate{}
	if in.VerificationMessageTemplate != nil {
		t = *in.VerificationMessageTemplate
	}
	t.DefaultEmailOption = orDefault(t.DefaultEmailOption, poolDefaultEmailOption)
	p.VerificationMessageTemplate = &t

	update := UserAttributeUpdateSettings{AttributesRequireVerificationBeforeUpdate: []string{}}
	if u := in.UserAttributeUpdateSettings; u != nil && u.AttributesRequireVerificationBeforeUpdate != nil {
		for _, a := range u.AttributesRequireVerificationBeforeUpdate {
			if !contains(p.AutoVerifiedAttributes, a) {
				return Invalid("The attributes in AttributesRequireVerificationBeforeUpdate must also be in AutoVerifiedAttributes: %s is not.", a)
			}
		}
		update.AttributesRequireVerificationBeforeUpdate = append([]string{}, uniqueStrings(u.AttributesRequireVerificationBeforeUpdate)...)
	}
	p.UserAttributeUpdateSettings = &update

	p.DeviceConfiguration = in.DeviceConfiguration
	email := EmailConfiguration{}
	if in.EmailConfiguration != nil {
		email = *in.EmailConfiguration
	}
	email.EmailSendingAccount = orDefault(email.EmailSendingAccount, poolDefaultEmailAccount)
	if email.EmailSendingAccount == "DEVELOPER" && email.SourceArn == "" {
		return Invalid("SourceArn is required when EmailSendingAccount is DEVELOPER.")
	}
	p.EmailConfiguration = &email
	p.SmsConfiguration = in.SmsConfiguration
	p.UserPoolTags = in.UserPoolTags
	if err := in.applyAdminCreateUser(p); err != nil {
		return err
	}
	p.UserPoolAddOns = in.UserPoolAddOns
	if err := checkRecovery(in.AccountRecoverySetting); err != nil {
		return err
	}
	p.AccountRecoverySetting = in.AccountRecoverySetting
	if in.UserPoolTier != "" {
		p.UserPoolTier = in.UserPoolTier
	}
	p.UserPoolTier = orDefault(p.UserPoolTier, poolDefaultTier)
	p.IssuerConfiguration = in.IssuerConfiguration
	p.KeyConfiguration = in.KeyConfiguration
	if p.KeyConfiguration != nil && p.KeyConfiguration.KeyType == "CUSTOMER_MANAGED_KEY" && p.KeyConfiguration.KmsKeyArn == "" {
		return Invalid("KmsKeyArn is required when KeyType is CUSTOMER_MANAGED_KEY.")
	}
	return nil
}

func (in *PoolSettings) applyPolicies(p *Pool) error {
	p.Policies = Policies{PasswordPolicy: DefaultPasswordPolicy(),
		SignInPolicy: &SignInPolicy{AllowedFirstAuthFactors: []string{"PASSWORD"}}}
	if in.Policies == nil {
		return nil
	}
	if pp := in.Policies.PasswordPolicy; pp != nil {
		policy := PasswordPolicy{MinimumLength: poolDefaultMinLength,
			RequireUppercase: pp.RequireUppercase, RequireLowercase: pp.RequireLowercase,
			RequireNumbers: pp.RequireNumbers, RequireSymbols: pp.RequireSymbols,
			TemporaryPasswordValidityDays: int(pp.TemporaryPasswordValidityDays)}
		if pp.MinimumLength != nil {
			policy.MinimumLength = int(*pp.MinimumLength)
		}
		if pp.PasswordHistorySize != nil {
			policy.PasswordHistorySize = int(*pp.PasswordHistorySize)
		}
		if policy.TemporaryPasswordValidityDays == 0 {
			policy.TemporaryPasswordValidityDays = poolDefaultTempDays
		}
		p.Policies.PasswordPolicy = policy
	}
	if sp := in.Policies.SignInPolicy; sp != nil {
		p.Policies.SignInPolicy = &SignInPolicy{AllowedFirstAuthFactors: uniqueStrings(sp.AllowedFirstAuthFactors)}
	}
	return nil
}

// applyAdminCreateUser keeps AdminCreateUserConfig. UnusedAccountValidityDays
// is the legacy spelling of the password policy's
// TemporaryPasswordValidityDays: Cognito refuses both at once and shows
// the policy's value in both places.
func (in *PoolSettings) applyAdminCreateUser(p *Pool) error {
	cfg := AdminCreateUserConfig{}
	if a := in.AdminCreateUserConfig; a != nil {
		cfg.AllowAdminCreateUserOnly = a.AllowAdminCreateUserOnly
		if t := a.InviteMessageTemplate; t != nil && *t != (MessageTemplate{}) {
			if t.SMSMessage != "" && !hasInvitePlaceholders(t.SMSMessage) {
				return Invalid("The invitation SMS message must contain the {username} and {####} placeholders.")
			}
			if t.EmailMessage != "" && !hasInvitePlaceholders(t.EmailMessage) {
				return Invalid("The invitation email message must contain the {username} and {####} placeholders.")
			}
			tmpl := *t
			cfg.InviteMessageTemplate = &tmpl
		}
		if a.UnusedAccountValidityDays != 0 {
			explicit := in.Policies != nil && in.Policies.PasswordPolicy != nil &&
				in.Policies.PasswordPolicy.TemporaryPasswordValidityDays != 0
			if explicit {
				return Invalid("Please use TemporaryPasswordValidityDays in PasswordPolicy instead of UnusedAccountValidityDays")
			}
			p.Policies.PasswordPolicy.TemporaryPasswordValidityDays = int(a.UnusedAccountValidityDays)
		}
	}
	cfg.UnusedAccountValidityDays = p.Policies.PasswordPolicy.TemporaryPasswordValidityDays
	p.AdminCreateUserConfig = cfg
	return nil
}

func hasInvitePlaceholders(s string) bool {
	return strings.Contains(s, "{username}") && strings.Contains(s, "{####}")
}

// checkRecovery applies Cognito's rules to recovery mechanisms: distinct
// priorities and names, and admin_only alone.
func checkRecovery(r *AccountRecoverySetting) error {
	if r == nil {
		return nil
	}
	seenName, seenPriority := map[string]bool{}, map[int]bool{}
	for _, m := range r.RecoveryMechanisms {
		if seenName[m.Name] || seenPriority[m.Priority] {
			return Invalid("Invalid account recovery setting: each recovery mechanism and priority may appear only once.")
		}
		seenName[m.Name], seenPriority[m.Priority] = true, true
	}
	if seenName["admin_only"] && len(r.RecoveryMechanisms) > 1 {
		return Invalid("Invalid account recovery setting: admin_only cannot be combined with another recovery mechanism.")
	}
	return nil
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// dedupe keeps the first occurrence of each value, nil for an empty list.
func uniqueStrings(list []string) []string {
	var out []string
	for _, s := range list {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}
