package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
	"github.com/aws/smithy-go/middleware"
)

// unvalidated is env.IDP without the SDK's client-side check of required
// members, so that the server's own "must not be null" answers are seen.
func unvalidated(env *Env) *cip.Client {
	return cip.New(env.IDP.Options(), func(o *cip.Options) {
		o.APIOptions = append(o.APIOptions, func(s *middleware.Stack) error {
			_, err := s.Initialize.Remove("OperationInputValidation")
			return err
		})
	})
}

// sameJSON compares two values by their JSON form (the SDK's types hold
// unexported markers that defeat other comparisons).
func sameJSON(t *testing.T, what string, got, want any) {
	t.Helper()
	g, _ := json.Marshal(got)
	w, _ := json.Marshal(want)
	if string(g) != string(w) {
		t.Errorf("%s:\n got %s\nwant %s", what, g, w)
	}
}

func createPool(t *testing.T, env *Env, in *cip.CreateUserPoolInput) *types.UserPoolType {
	t.Helper()
	out, err := env.IDP.CreateUserPool(env.Ctx, in)
	if err != nil {
		t.Fatalf("CreateUserPool: %v", err)
	}
	return out.UserPool
}

// userPool creates a pool for a test and returns its ID; tweak may set its
// options.
func userPool(t *testing.T, env *Env, tweak func(*cip.CreateUserPoolInput)) string {
	t.Helper()
	in := &cip.CreateUserPoolInput{PoolName: aws.String("e2e")}
	if tweak != nil {
		tweak(in)
	}
	return *createPool(t, env, in).Id
}

func describePool(t *testing.T, env *Env, id string) *types.UserPoolType {
	t.Helper()
	out, err := env.IDP.DescribeUserPool(env.Ctx, &cip.DescribeUserPoolInput{UserPoolId: aws.String(id)})
	if err != nil {
		t.Fatalf("DescribeUserPool: %v", err)
	}
	return out.UserPool
}

var poolIDFormat = regexp.MustCompile(`^us-east-1_[A-Za-z0-9]{9}$`)

func TestPoolDefaults(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		created := createPool(t, env, &cip.CreateUserPoolInput{PoolName: aws.String("defaults")})
		if !poolIDFormat.MatchString(aws.ToString(created.Id)) {
			t.Fatalf("pool ID %q does not look like Cognito's", aws.ToString(created.Id))
		}
		p := describePool(t, env, *created.Id)
		if got, want := aws.ToString(p.Arn), "arn:aws:cognito-idp:us-east-1:000000000000:userpool/"+*created.Id; got != want {
			t.Errorf("Arn = %q, want %q", got, want)
		}
		sameJSON(t, "Policies", p.Policies, &types.UserPoolPolicyType{
			PasswordPolicy: &types.PasswordPolicyType{MinimumLength: aws.Int32(8), RequireUppercase: true,
				RequireLowercase: true, RequireNumbers: true, RequireSymbols: true, TemporaryPasswordValidityDays: 7},
			SignInPolicy: &types.SignInPolicyType{AllowedFirstAuthFactors: []types.AuthFactorType{"PASSWORD"}},
		})
		if p.MfaConfiguration != types.UserPoolMfaTypeOff || p.DeletionProtection != types.DeletionProtectionTypeInactive ||
			p.UserPoolTier != types.UserPoolTierTypeEssentials || p.EstimatedNumberOfUsers != 0 {
			t.Errorf("MFA %q, deletion protection %q, tier %q, users %d", p.MfaConfiguration, p.DeletionProtection, p.UserPoolTier, p.EstimatedNumberOfUsers)
		}
		sameJSON(t, "VerificationMessageTemplate", p.VerificationMessageTemplate,
			&types.VerificationMessageTemplateType{DefaultEmailOption: types.DefaultEmailOptionTypeConfirmWithCode})
		sameJSON(t, "EmailConfiguration", p.EmailConfiguration, &types.EmailConfigurationType{EmailSendingAccount: "COGNITO_DEFAULT"})
		sameJSON(t, "AdminCreateUserConfig", p.AdminCreateUserConfig, &types.AdminCreateUserConfigType{UnusedAccountValidityDays: 7})
		sameJSON(t, "UserAttributeUpdateSettings", p.UserAttributeUpdateSettings,
			&types.UserAttributeUpdateSettingsType{AttributesRequireVerificationBeforeUpdate: []types.VerifiedAttributeType{}})
		sameJSON(t, "LambdaConfig", p.LambdaConfig, &types.LambdaConfigType{})
		if p.UsernameConfiguration != nil || p.AccountRecoverySetting != nil || len(p.UserPoolTags) != 0 {
			t.Errorf("unexpected UsernameConfiguration %+v, AccountRecoverySetting %+v or tags %v",
				p.UsernameConfiguration, p.AccountRecoverySetting, p.UserPoolTags)
		}
		var names []string
		for _, a := range p.SchemaAttributes {
			names = append(names, aws.ToString(a.Name))
		}
		want := "sub name given_name family_name middle_name nickname preferred_username profile picture website " +
			"email email_verified gender birthdate zoneinfo locale phone_number phone_number_verified address updated_at identities"
		if strings.Join(names, " ") != want {
			t.Errorf("schema = %s", strings.Join(names, " "))
		}
		sameJSON(t, "sub", p.SchemaAttributes[0], types.SchemaAttributeType{Name: aws.String("sub"), AttributeDataType: "String",
			DeveloperOnlyAttribute: aws.Bool(false), Mutable: aws.Bool(false), Required: aws.Bool(true),
			StringAttributeConstraints: &types.StringAttributeConstraintsType{MinLength: aws.String("1"), MaxLength: aws.String("2048")}})
		sameJSON(t, "birthdate", p.SchemaAttributes[13].StringAttributeConstraints,
			&types.StringAttributeConstraintsType{MinLength: aws.String("10"), MaxLength: aws.String("10")})
		sameJSON(t, "updated_at", p.SchemaAttributes[19], types.SchemaAttributeType{Name: aws.String("updated_at"),
			AttributeDataType: "Number", DeveloperOnlyAttribute: aws.Bool(false), Mutable: aws.Bool(true), Required: aws.Bool(false),
			NumberAttributeConstraints: &types.NumberAttributeConstraintsType{MinValue: aws.String("0")}})
		sameJSON(t, "email_verified", p.SchemaAttributes[11], types.SchemaAttributeType{Name: aws.String("email_verified"),
			AttributeDataType: "Boolean", DeveloperOnlyAttribute: aws.Bool(false), Mutable: aws.Bool(true), Required: aws.Bool(false)})
		if p.CreationDate == nil || p.LastModifiedDate == nil {
			t.Error("dates missing")
		}
		sameJSON(t, "CreateUserPool's pool", created.SchemaAttributes, p.SchemaAttributes)
	})
}

// fullPool sets every setting CreateUserPool accepts.
func fullPool() *cip.CreateUserPoolInput {
	arn := func(name string) *string { return aws.String("arn:aws:lambda:us-east-1:123456789012:function:" + name) }
	return &cip.CreateUserPoolInput{
		PoolName: aws.String("every setting"),
		Policies: &types.UserPoolPolicyType{
			PasswordPolicy: &types.PasswordPolicyType{MinimumLength: aws.Int32(12), RequireUppercase: true,
				RequireNumbers: true, PasswordHistorySize: aws.Int32(5), TemporaryPasswordValidityDays: 3},
			SignInPolicy: &types.SignInPolicyType{AllowedFirstAuthFactors: []types.AuthFactorType{"PASSWORD", "EMAIL_OTP"}},
		},
		DeletionProtection: types.DeletionProtectionTypeActive,
		LambdaConfig: &types.LambdaConfigType{
			PreSignUp: arn("pre-sign-up"), CustomMessage: arn("custom-message"), PostConfirmation: arn("post-confirmation"),
			PreAuthentication: arn("pre-auth"), PostAuthentication: arn("post-auth"), DefineAuthChallenge: arn("define"),
			CreateAuthChallenge: arn("create"), VerifyAuthChallengeResponse: arn("verify"), UserMigration: arn("migrate"),
			PreTokenGenerationConfig: &types.PreTokenGenerationVersionConfigType{LambdaVersion: "V2_0", LambdaArn: arn("pre-token")},
			CustomEmailSender:        &types.CustomEmailLambdaVersionConfigType{LambdaVersion: "V1_0", LambdaArn: arn("email")},
			KMSKeyID:                 aws.String("arn:aws:kms:us-east-1:123456789012:key/4d43904c-8edf-4bb4-9fca-fb1a80e41cbe"),
		},
		AutoVerifiedAttributes:   []types.VerifiedAttributeType{"email", "phone_number"},
		AliasAttributes:          []types.AliasAttributeType{"email", "preferred_username"},
		SmsVerificationMessage:   aws.String("Your code is {####}."),
		EmailVerificationMessage: aws.String("Your verification code is {####}."),
		EmailVerificationSubject: aws.String("Verify your email"),
		SmsAuthenticationMessage: aws.String("Sign-in code {####}"),
		VerificationMessageTemplate: &types.VerificationMessageTemplateType{
			SmsMessage: aws.String("Code {####}"), EmailMessage: aws.String("Code is {####}"),
			EmailSubject: aws.String("Your code"), EmailMessageByLink: aws.String("Click {##here##}"),
			EmailSubjectByLink: aws.String("Your link"), DefaultEmailOption: types.DefaultEmailOptionTypeConfirmWithLink,
		},
		UserAttributeUpdateSettings: &types.UserAttributeUpdateSettingsType{
			AttributesRequireVerificationBeforeUpdate: []types.VerifiedAttributeType{"email"}},
		MfaConfiguration:    types.UserPoolMfaTypeOptional,
		DeviceConfiguration: &types.DeviceConfigurationType{ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: true},
		EmailConfiguration: &types.EmailConfigurationType{
			SourceArn:           aws.String("arn:aws:ses:us-east-1:123456789012:identity/support@example.com"),
			ReplyToEmailAddress: aws.String("support@example.com"), EmailSendingAccount: "DEVELOPER",
			From: aws.String("Support <support@example.com>"), ConfigurationSet: aws.String("my-set"),
		},
		SmsConfiguration: &types.SmsConfigurationType{SnsCallerArn: aws.String("arn:aws:iam::123456789012:role/sms"),
			ExternalId: aws.String("ext-1"), SnsRegion: aws.String("us-east-1")},
		UserPoolTags: map[string]string{"team": "identity", "env": "test"},
		AdminCreateUserConfig: &types.AdminCreateUserConfigType{AllowAdminCreateUserOnly: true,
			InviteMessageTemplate: &types.MessageTemplateType{
				SMSMessage:   aws.String("User {username} password {####}"),
				EmailMessage: aws.String("Hello {username}, your password is {####}"),
				EmailSubject: aws.String("Welcome")}},
		UserPoolAddOns: &types.UserPoolAddOnsType{AdvancedSecurityMode: "AUDIT",
			AdvancedSecurityAdditionalFlows: &types.AdvancedSecurityAdditionalFlowsType{CustomAuthMode: "AUDIT"}},
		AccountRecoverySetting: &types.AccountRecoverySettingType{RecoveryMechanisms: []types.RecoveryOptionType{
			{Name: "verified_email", Priority: aws.Int32(1)}, {Name: "verified_phone_number", Priority: aws.Int32(2)}}},
		UserPoolTier:          types.UserPoolTierTypePlus,
		UsernameConfiguration: &types.UsernameConfigurationType{CaseSensitive: aws.Bool(false)},
		IssuerConfiguration:   &types.IssuerConfigurationType{Type: "UPDATED"},
		KeyConfiguration:      &types.KeyConfigurationType{KeyType: "AWS_OWNED_KEY"},
		Schema: []types.SchemaAttributeType{
			{Name: aws.String("email"), AttributeDataType: "String", Required: aws.Bool(true), Mutable: aws.Bool(true),
				StringAttributeConstraints: &types.StringAttributeConstraintsType{MinLength: aws.String("5"), MaxLength: aws.String("100")}},
			{Name: aws.String("team"), AttributeDataType: "String", Mutable: aws.Bool(true),
				StringAttributeConstraints: &types.StringAttributeConstraintsType{MinLength: aws.String("1"), MaxLength: aws.String("64")}},
			{Name: aws.String("level"), AttributeDataType: "Number", DeveloperOnlyAttribute: aws.Bool(true), Mutable: aws.Bool(false),
				NumberAttributeConstraints: &types.NumberAttributeConstraintsType{MinValue: aws.String("1"), MaxValue: aws.String("99")}},
			{Name: aws.String("joined"), AttributeDataType: "DateTime"},
			{Name: aws.String("admin"), AttributeDataType: "Boolean"},
		},
	}
}

// checkSettings compares the settings both in and p have.
func checkSettings(t *testing.T, p *types.UserPoolType, in *cip.UpdateUserPoolInput) {
	t.Helper()
	sameJSON(t, "Policies", p.Policies, in.Policies)
	sameJSON(t, "DeletionProtection", p.DeletionProtection, in.DeletionProtection)
	sameJSON(t, "LambdaConfig", p.LambdaConfig, in.LambdaConfig)
	sameJSON(t, "AutoVerifiedAttributes", p.AutoVerifiedAttributes, in.AutoVerifiedAttributes)
	sameJSON(t, "SmsVerificationMessage", p.SmsVerificationMessage, in.SmsVerificationMessage)
	sameJSON(t, "EmailVerificationMessage", p.EmailVerificationMessage, in.EmailVerificationMessage)
	sameJSON(t, "EmailVerificationSubject", p.EmailVerificationSubject, in.EmailVerificationSubject)
	sameJSON(t, "SmsAuthenticationMessage", p.SmsAuthenticationMessage, in.SmsAuthenticationMessage)
	sameJSON(t, "VerificationMessageTemplate", p.VerificationMessageTemplate, in.VerificationMessageTemplate)
	sameJSON(t, "UserAttributeUpdateSettings", p.UserAttributeUpdateSettings, in.UserAttributeUpdateSettings)
	sameJSON(t, "MfaConfiguration", p.MfaConfiguration, in.MfaConfiguration)
	sameJSON(t, "DeviceConfiguration", p.DeviceConfiguration, in.DeviceConfiguration)
	sameJSON(t, "EmailConfiguration", p.EmailConfiguration, in.EmailConfiguration)
	sameJSON(t, "SmsConfiguration", p.SmsConfiguration, in.SmsConfiguration)
	sameJSON(t, "UserPoolTags", p.UserPoolTags, in.UserPoolTags)
	sameJSON(t, "UserPoolAddOns", p.UserPoolAddOns, in.UserPoolAddOns)
	sameJSON(t, "AccountRecoverySetting", p.AccountRecoverySetting, in.AccountRecoverySetting)
	sameJSON(t, "UserPoolTier", p.UserPoolTier, in.UserPoolTier)
	sameJSON(t, "IssuerConfiguration", p.IssuerConfiguration, in.IssuerConfiguration)
	sameJSON(t, "KeyConfiguration", p.KeyConfiguration, in.KeyConfiguration)
	want := *in.AdminCreateUserConfig
	want.UnusedAccountValidityDays = in.Policies.PasswordPolicy.TemporaryPasswordValidityDays
	sameJSON(t, "AdminCreateUserConfig", p.AdminCreateUserConfig, &want)
}

// asUpdate turns a create request into the equivalent update request.
func asUpdate(id string, c *cip.CreateUserPoolInput) *cip.UpdateUserPoolInput {
	return &cip.UpdateUserPoolInput{
		UserPoolId: aws.String(id), PoolName: c.PoolName, Policies: c.Policies, DeletionProtection: c.DeletionProtection,
		LambdaConfig: c.LambdaConfig, AutoVerifiedAttributes: c.AutoVerifiedAttributes,
		SmsVerificationMessage: c.SmsVerificationMessage, EmailVerificationMessage: c.EmailVerificationMessage,
		EmailVerificationSubject: c.EmailVerificationSubject, VerificationMessageTemplate: c.VerificationMessageTemplate,
		SmsAuthenticationMessage: c.SmsAuthenticationMessage, UserAttributeUpdateSettings: c.UserAttributeUpdateSettings,
		MfaConfiguration: c.MfaConfiguration, DeviceConfiguration: c.DeviceConfiguration,
		EmailConfiguration: c.EmailConfiguration, SmsConfiguration: c.SmsConfiguration, UserPoolTags: c.UserPoolTags,
		AdminCreateUserConfig: c.AdminCreateUserConfig, UserPoolAddOns: c.UserPoolAddOns,
		AccountRecoverySetting: c.AccountRecoverySetting, UserPoolTier: c.UserPoolTier,
		IssuerConfiguration: c.IssuerConfiguration, KeyConfiguration: c.KeyConfiguration,
	}
}

func TestPoolRoundTrip(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		in := fullPool()
		created := createPool(t, env, in)
		id := *created.Id
		p := describePool(t, env, id)
		checkSettings(t, p, asUpdate(id, in))
		sameJSON(t, "AliasAttributes", p.AliasAttributes, in.AliasAttributes)
		sameJSON(t, "UsernameConfiguration", p.UsernameConfiguration, in.UsernameConfiguration)
		custom := map[string]types.SchemaAttributeType{}
		for _, a := range p.SchemaAttributes {
			custom[*a.Name] = a
		}
		sameJSON(t, "email", custom["email"], types.SchemaAttributeType{Name: aws.String("email"), AttributeDataType: "String",
			DeveloperOnlyAttribute: aws.Bool(false), Mutable: aws.Bool(true), Required: aws.Bool(true),
			StringAttributeConstraints: &types.StringAttributeConstraintsType{MinLength: aws.String("5"), MaxLength: aws.String("100")}})
		sameJSON(t, "custom:team", custom["custom:team"], types.SchemaAttributeType{Name: aws.String("custom:team"),
			AttributeDataType: "String", DeveloperOnlyAttribute: aws.Bool(false), Mutable: aws.Bool(true), Required: aws.Bool(false),
			StringAttributeConstraints: &types.StringAttributeConstraintsType{MinLength: aws.String("1"), MaxLength: aws.String("64")}})
		sameJSON(t, "dev:custom:level", custom["dev:custom:level"], types.SchemaAttributeType{Name: aws.String("dev:custom:level"),
			AttributeDataType: "Number", DeveloperOnlyAttribute: aws.Bool(true), Mutable: aws.Bool(false), Required: aws.Bool(false),
			NumberAttributeConstraints: &types.NumberAttributeConstraintsType{MinValue: aws.String("1"), MaxValue: aws.String("99")}})
		sameJSON(t, "custom:joined", custom["custom:joined"].AttributeDataType, "DateTime")
		sameJSON(t, "custom:admin", custom["custom:admin"].AttributeDataType, "Boolean")
		if got := p.SmsAuthenticationMessage; aws.ToString(got) != "Sign-in code {####}" {
			t.Errorf("SmsAuthenticationMessage = %q", aws.ToString(got))
		}

		// Every updatable setting changes.
		arn := func(name string) *string { return aws.String("arn:aws:lambda:us-east-1:123456789012:function:" + name) }
		upd := &cip.UpdateUserPoolInput{
			UserPoolId: aws.String(id), PoolName: aws.String("renamed pool"),
			Policies: &types.UserPoolPolicyType{
				PasswordPolicy: &types.PasswordPolicyType{MinimumLength: aws.Int32(6), RequireLowercase: true,
					RequireSymbols: true, TemporaryPasswordValidityDays: 10},
				SignInPolicy: &types.SignInPolicyType{AllowedFirstAuthFactors: []types.AuthFactorType{"PASSWORD", "WEB_AUTHN", "SMS_OTP"}},
			},
			DeletionProtection: types.DeletionProtectionTypeInactive,
			LambdaConfig: &types.LambdaConfigType{PreTokenGeneration: arn("pre-token-v1"),
				InboundFederation: &types.InboundFederationLambdaType{LambdaVersion: "V1_0", LambdaArn: arn("federation")}},
			AutoVerifiedAttributes:   []types.VerifiedAttributeType{"phone_number"},
			SmsVerificationMessage:   aws.String("New code {####}"),
			EmailVerificationMessage: aws.String("New email code {####}"),
			EmailVerificationSubject: aws.String("New subject"),
			SmsAuthenticationMessage: aws.String("New MFA code {####}"),
			VerificationMessageTemplate: &types.VerificationMessageTemplateType{SmsMessage: aws.String("T {####}"),
				DefaultEmailOption: types.DefaultEmailOptionTypeConfirmWithCode},
			UserAttributeUpdateSettings: &types.UserAttributeUpdateSettingsType{
				AttributesRequireVerificationBeforeUpdate: []types.VerifiedAttributeType{"phone_number"}},
			MfaConfiguration:    types.UserPoolMfaTypeOptional,
			DeviceConfiguration: &types.DeviceConfigurationType{ChallengeRequiredOnNewDevice: false, DeviceOnlyRememberedOnUserPrompt: true},
			EmailConfiguration:  &types.EmailConfigurationType{EmailSendingAccount: "COGNITO_DEFAULT", ReplyToEmailAddress: aws.String("help@example.com")},
			SmsConfiguration:    &types.SmsConfigurationType{SnsCallerArn: aws.String("arn:aws:iam::123456789012:role/sms2")},
			UserPoolTags:        map[string]string{"team": "platform"},
			AdminCreateUserConfig: &types.AdminCreateUserConfigType{AllowAdminCreateUserOnly: false,
				InviteMessageTemplate: &types.MessageTemplateType{SMSMessage: aws.String("{username} / {####}")}},
			UserPoolAddOns:         &types.UserPoolAddOnsType{AdvancedSecurityMode: "OFF"},
			AccountRecoverySetting: &types.AccountRecoverySettingType{RecoveryMechanisms: []types.RecoveryOptionType{{Name: "admin_only", Priority: aws.Int32(1)}}},
			UserPoolTier:           types.UserPoolTierTypeEssentials,
			IssuerConfiguration:    &types.IssuerConfigurationType{Type: "ORIGINAL"},
			KeyConfiguration:       &types.KeyConfigurationType{KeyType: "CUSTOMER_MANAGED_KEY", KmsKeyArn: aws.String("arn:aws:kms:us-east-1:123456789012:key/abc")},
		}
		if _, err := env.IDP.UpdateUserPool(env.Ctx, upd); err != nil {
			t.Fatalf("UpdateUserPool: %v", err)
		}
		p = describePool(t, env, id)
		checkSettings(t, p, upd)
		if aws.ToString(p.Name) != "renamed pool" {
			t.Errorf("Name = %q", aws.ToString(p.Name))
		}
		if !p.LastModifiedDate.After(*p.CreationDate) && !p.LastModifiedDate.Equal(*p.CreationDate) {
			t.Errorf("LastModifiedDate %v before CreationDate %v", p.LastModifiedDate, p.CreationDate)
		}
		// Creation-only settings stay.
		sameJSON(t, "AliasAttributes after update", p.AliasAttributes, in.AliasAttributes)
		sameJSON(t, "UsernameConfiguration after update", p.UsernameConfiguration, in.UsernameConfiguration)
		if len(p.SchemaAttributes) != 25 {
			t.Errorf("schema has %d attributes after update, want 25", len(p.SchemaAttributes))
		}

		// Omitted members return to their defaults, as Cognito's API
		// reference says; the name stays.
		if _, err := env.IDP.UpdateUserPool(env.Ctx, &cip.UpdateUserPoolInput{UserPoolId: aws.String(id)}); err != nil {
			t.Fatalf("UpdateUserPool with no settings: %v", err)
		}
		p = describePool(t, env, id)
		fresh := describePool(t, env, *createPool(t, env, &cip.CreateUserPoolInput{PoolName: aws.String("fresh")}).Id)
		for _, c := range []struct {
			name      string
			got, want any
		}{
			{"Policies", p.Policies, fresh.Policies},
			{"LambdaConfig", p.LambdaConfig, fresh.LambdaConfig},
			{"AutoVerifiedAttributes", p.AutoVerifiedAttributes, fresh.AutoVerifiedAttributes},
			{"VerificationMessageTemplate", p.VerificationMessageTemplate, fresh.VerificationMessageTemplate},
			{"UserAttributeUpdateSettings", p.UserAttributeUpdateSettings, fresh.UserAttributeUpdateSettings},
			{"MfaConfiguration", p.MfaConfiguration, fresh.MfaConfiguration},
			{"EmailConfiguration", p.EmailConfiguration, fresh.EmailConfiguration},
			{"SmsConfiguration", p.SmsConfiguration, fresh.SmsConfiguration},
			{"UserPoolTags", p.UserPoolTags, fresh.UserPoolTags},
			{"AdminCreateUserConfig", p.AdminCreateUserConfig, fresh.AdminCreateUserConfig},
			{"AccountRecoverySetting", p.AccountRecoverySetting, fresh.AccountRecoverySetting},
			{"DeletionProtection", p.DeletionProtection, fresh.DeletionProtection},
			{"SmsVerificationMessage", p.SmsVerificationMessage, fresh.SmsVerificationMessage},
			{"DeviceConfiguration", p.DeviceConfiguration, fresh.DeviceConfiguration},
			{"UserPoolAddOns", p.UserPoolAddOns, fresh.UserPoolAddOns},
		} {
			sameJSON(t, c.name+" after an empty update", c.got, c.want)
		}
		if aws.ToString(p.Name) != "renamed pool" || p.UserPoolTier != types.UserPoolTierTypeEssentials {
			t.Errorf("name %q and tier %q should stay", aws.ToString(p.Name), p.UserPoolTier)
		}
	})
}

func TestCreatePoolValidation(t *testing.T) {
	long := strings.Repeat("a", 129)
	cases := []struct {
		name    string
		change  func(in *cip.CreateUserPoolInput)
		typ     string
		message string
	}{
		{"name pattern", func(in *cip.CreateUserPoolInput) { in.PoolName = aws.String("bad/name") }, "InvalidParameterException",
			`1 validation error detected: Value 'bad/name' at 'poolName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w\s+=,.@-]+`},
		{"name length", func(in *cip.CreateUserPoolInput) { in.PoolName = aws.String(long) }, "InvalidParameterException",
			"1 validation error detected: Value '" + long + "' at 'poolName' failed to satisfy constraint: Member must have length less than or equal to 128"},
		{"minimum length", func(in *cip.CreateUserPoolInput) {
			in.Policies = &types.UserPoolPolicyType{PasswordPolicy: &types.PasswordPolicyType{MinimumLength: aws.Int32(5)}}
		}, "InvalidParameterException",
			"1 validation error detected: Value '5' at 'policies.passwordPolicy.minimumLength' failed to satisfy constraint: Member must have value greater than or equal to 6"},
		{"two errors", func(in *cip.CreateUserPoolInput) {
			in.Policies = &types.UserPoolPolicyType{PasswordPolicy: &types.PasswordPolicyType{MinimumLength: aws.Int32(100), TemporaryPasswordValidityDays: 366}}
		}, "InvalidParameterException",
			"2 validation errors detected: Value '100' at 'policies.passwordPolicy.minimumLength' failed to satisfy constraint: Member must have value less than or equal to 99; " +
				"Value '366' at 'policies.passwordPolicy.temporaryPasswordValidityDays' failed to satisfy constraint: Member must have value less than or equal to 365"},
		{"mfa enum", func(in *cip.CreateUserPoolInput) { in.MfaConfiguration = "SOMETIMES" }, "InvalidParameterException",
			"1 validation error detected: Value 'SOMETIMES' at 'mfaConfiguration' failed to satisfy constraint: Member must satisfy enum value set: [OFF, ON, OPTIONAL]"},
		{"alias enum", func(in *cip.CreateUserPoolInput) { in.AliasAttributes = []types.AliasAttributeType{"email", "name"} }, "InvalidParameterException",
			"1 validation error detected: Value '[email, name]' at 'aliasAttributes' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [phone_number, email, preferred_username]]"},
		{"alias and username attributes", func(in *cip.CreateUserPoolInput) {
			in.AliasAttributes = []types.AliasAttributeType{"email"}
			in.UsernameAttributes = []types.UsernameAttributeType{"phone_number"}
		}, "InvalidParameterException", "Only one of the AliasAttributes or UsernameAttributes can be set in a User Pool"},
		{"required custom attribute", func(in *cip.CreateUserPoolInput) {
			in.Schema = []types.SchemaAttributeType{{Name: aws.String("team"), AttributeDataType: "String", Required: aws.Bool(true)}}
		}, "InvalidParameterException", "Required custom attributes are not supported currently."},
		{"custom attribute without type", func(in *cip.CreateUserPoolInput) {
			in.Schema = []types.SchemaAttributeType{{Name: aws.String("team")}}
		}, "InvalidParameterException", "Invalid AttributeDataType input, consider using the provided AttributeDataType enum."},
		{"attribute name too long", func(in *cip.CreateUserPoolInput) {
			in.Schema = []types.SchemaAttributeType{{Name: aws.String("phone_number_verified"), AttributeDataType: "Boolean"}}
		}, "InvalidParameterException",
			"1 validation error detected: Value 'phone_number_verified' at 'schema.1.member.name' failed to satisfy constraint: Member must have length less than or equal to 20"},
		{"standard attribute type", func(in *cip.CreateUserPoolInput) {
			in.Schema = []types.SchemaAttributeType{{Name: aws.String("email"), AttributeDataType: "Number"}}
		}, "InvalidParameterException", "Invalid AttributeDataType for standard attribute email: it is String."},
		{"sms message placeholder", func(in *cip.CreateUserPoolInput) { in.SmsVerificationMessage = aws.String("no code here") }, "InvalidParameterException",
			`1 validation error detected: Value 'no code here' at 'smsVerificationMessage' failed to satisfy constraint: Member must satisfy regular expression pattern: .*\{####\}.*`},
		{"lambda arn", func(in *cip.CreateUserPoolInput) {
			in.LambdaConfig = &types.LambdaConfigType{PreSignUp: aws.String("not-an-arn-but-long-enough")}
		}, "InvalidParameterException",
			`1 validation error detected: Value 'not-an-arn-but-long-enough' at 'lambdaConfig.preSignUp' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:[\w+=/,.@-]+:[\w+=/,.@-]+:([\w+=/,.@-]*)?:[0-9]+:[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?`},
		{"mfa on without sms", func(in *cip.CreateUserPoolInput) { in.MfaConfiguration = types.UserPoolMfaTypeOn }, "InvalidParameterException",
			"SMS configuration and Auto verification for phone_number are required when MFA is required/optional"},
		{"verification before update needs auto verification", func(in *cip.CreateUserPoolInput) {
			in.UserAttributeUpdateSettings = &types.UserAttributeUpdateSettingsType{AttributesRequireVerificationBeforeUpdate: []types.VerifiedAttributeType{"email"}}
		}, "InvalidParameterException", "The attributes in AttributesRequireVerificationBeforeUpdate must also be in AutoVerifiedAttributes: email is not."},
		{"invite without username", func(in *cip.CreateUserPoolInput) {
			in.AdminCreateUserConfig = &types.AdminCreateUserConfigType{InviteMessageTemplate: &types.MessageTemplateType{SMSMessage: aws.String("Password {####}")}}
		}, "InvalidParameterException", "The invitation SMS message must contain the {username} and {####} placeholders."},
		{"both validity days", func(in *cip.CreateUserPoolInput) {
			in.Policies = &types.UserPoolPolicyType{PasswordPolicy: &types.PasswordPolicyType{TemporaryPasswordValidityDays: 3}}
			in.AdminCreateUserConfig = &types.AdminCreateUserConfigType{UnusedAccountValidityDays: 4}
		}, "InvalidParameterException", "Please use TemporaryPasswordValidityDays in PasswordPolicy instead of UnusedAccountValidityDays"},
		{"admin_only with another mechanism", func(in *cip.CreateUserPoolInput) {
			in.AccountRecoverySetting = &types.AccountRecoverySettingType{RecoveryMechanisms: []types.RecoveryOptionType{
				{Name: "admin_only", Priority: aws.Int32(1)}, {Name: "verified_email", Priority: aws.Int32(2)}}}
		}, "InvalidParameterException", "Invalid account recovery setting: admin_only cannot be combined with another recovery mechanism."},
		{"recovery priority", func(in *cip.CreateUserPoolInput) {
			in.AccountRecoverySetting = &types.AccountRecoverySettingType{RecoveryMechanisms: []types.RecoveryOptionType{
				{Name: "verified_email", Priority: aws.Int32(3)}}}
		}, "InvalidParameterException",
			"1 validation error detected: Value '3' at 'accountRecoverySetting.recoveryMechanisms.1.member.priority' failed to satisfy constraint: Member must have value less than or equal to 2"},
		{"tier enum", func(in *cip.CreateUserPoolInput) { in.UserPoolTier = "GOLD" }, "InvalidParameterException",
			"1 validation error detected: Value 'GOLD' at 'userPoolTier' failed to satisfy constraint: Member must satisfy enum value set: [LITE, ESSENTIALS, PLUS]"},
		{"developer email without source", func(in *cip.CreateUserPoolInput) {
			in.EmailConfiguration = &types.EmailConfigurationType{EmailSendingAccount: "DEVELOPER"}
		}, "InvalidParameterException", "SourceArn is required when EmailSendingAccount is DEVELOPER."},
	}
	forEachStore(t, func(t *testing.T, env *Env) {
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				in := &cip.CreateUserPoolInput{PoolName: aws.String("validation")}
				c.change(in)
				_, err := env.IDP.CreateUserPool(env.Ctx, in)
				wantAPIError(t, err, c.typ, c.message)
			})
		}
		list, err := env.IDP.ListUserPools(env.Ctx, &cip.ListUserPoolsInput{MaxResults: aws.Int32(60)})
		if err != nil {
			t.Fatal(err)
		}
		if len(list.UserPools) != 0 {
			t.Errorf("refused requests left %d pools behind", len(list.UserPools))
		}
		_, err = unvalidated(env).CreateUserPool(env.Ctx, &cip.CreateUserPoolInput{})
		wantAPIError(t, err, "InvalidParameterException",
			"1 validation error detected: Value null at 'poolName' failed to satisfy constraint: Member must not be null")
	})
}

func TestUpdatePoolValidation(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		id := *createPool(t, env, &cip.CreateUserPoolInput{PoolName: aws.String("upd")}).Id
		_, err := env.IDP.UpdateUserPool(env.Ctx, &cip.UpdateUserPoolInput{UserPoolId: aws.String(id), MfaConfiguration: types.UserPoolMfaTypeOn})
		wantAPIError(t, err, "InvalidParameterException", "Cannot turn MFA functionality ON, once the user pool has been created.")
		_, err = env.IDP.UpdateUserPool(env.Ctx, &cip.UpdateUserPoolInput{UserPoolId: aws.String(id), MfaConfiguration: types.UserPoolMfaTypeOptional})
		wantAPIError(t, err, "InvalidParameterException", "SMS configuration and Auto verification for phone_number are required when MFA is required/optional")
		_, err = env.IDP.UpdateUserPool(env.Ctx, &cip.UpdateUserPoolInput{UserPoolId: aws.String(id), PoolName: aws.String("")})
		wantAPIError(t, err, "InvalidParameterException",
			"2 validation errors detected: Value '' at 'poolName' failed to satisfy constraint: Member must have length greater than or equal to 1; "+
				`Value '' at 'poolName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w\s+=,.@-]+`)
		_, err = env.IDP.UpdateUserPool(env.Ctx, &cip.UpdateUserPoolInput{UserPoolId: aws.String("not a pool id")})
		wantAPIError(t, err, "InvalidParameterException",
			`1 validation error detected: Value 'not a pool id' at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w-]+_[0-9a-zA-Z]+`)
		// A refused update changes nothing.
		if p := describePool(t, env, id); p.MfaConfiguration != types.UserPoolMfaTypeOff || aws.ToString(p.Name) != "upd" {
			t.Errorf("refused updates changed the pool: MFA %q, name %q", p.MfaConfiguration, aws.ToString(p.Name))
		}
		_, err = unvalidated(env).UpdateUserPool(env.Ctx, &cip.UpdateUserPoolInput{})
		wantAPIError(t, err, "InvalidParameterException",
			"1 validation error detected: Value null at 'userPoolId' failed to satisfy constraint: Member must not be null")
	})
}

func TestUnknownPool(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		id := aws.String("us-east-1_Nope12345")
		msg := "User pool us-east-1_Nope12345 does not exist."
		calls := map[string]func() error{
			"DescribeUserPool": func() error {
				_, err := env.IDP.DescribeUserPool(env.Ctx, &cip.DescribeUserPoolInput{UserPoolId: id})
				return err
			},
			"UpdateUserPool": func() error {
				_, err := env.IDP.UpdateUserPool(env.Ctx, &cip.UpdateUserPoolInput{UserPoolId: id})
				return err
			},
			"DeleteUserPool": func() error {
				_, err := env.IDP.DeleteUserPool(env.Ctx, &cip.DeleteUserPoolInput{UserPoolId: id})
				return err
			},
			"AddCustomAttributes": func() error {
				_, err := env.IDP.AddCustomAttributes(env.Ctx, &cip.AddCustomAttributesInput{UserPoolId: id,
					CustomAttributes: []types.SchemaAttributeType{{Name: aws.String("x"), AttributeDataType: "String"}}})
				return err
			},
			"GetUserPoolMfaConfig": func() error {
				_, err := env.IDP.GetUserPoolMfaConfig(env.Ctx, &cip.GetUserPoolMfaConfigInput{UserPoolId: id})
				return err
			},
			"SetUserPoolMfaConfig": func() error {
				_, err := env.IDP.SetUserPoolMfaConfig(env.Ctx, &cip.SetUserPoolMfaConfigInput{UserPoolId: id, MfaConfiguration: "OFF"})
				return err
			},
		}
		for name, call := range calls {
			t.Run(name, func(t *testing.T) { wantAPIError(t, call(), "ResourceNotFoundException", msg) })
		}
	})
}

func TestDeletionProtection(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		id := *createPool(t, env, &cip.CreateUserPoolInput{PoolName: aws.String("protected"),
			DeletionProtection: types.DeletionProtectionTypeActive}).Id
		_, err := env.IDP.DeleteUserPool(env.Ctx, &cip.DeleteUserPoolInput{UserPoolId: aws.String(id)})
		wantAPIError(t, err, "InvalidParameterException", fmt.Sprintf("The user pool %s cannot be deleted because deletion protection is activated. Deletion protection must be inactivated first.", id))
		describePool(t, env, id) // still there
		if _, err := env.IDP.UpdateUserPool(env.Ctx, &cip.UpdateUserPoolInput{UserPoolId: aws.String(id),
			DeletionProtection: types.DeletionProtectionTypeInactive}); err != nil {
			t.Fatal(err)
		}
		if _, err := env.IDP.DeleteUserPool(env.Ctx, &cip.DeleteUserPoolInput{UserPoolId: aws.String(id)}); err != nil {
			t.Fatalf("DeleteUserPool: %v", err)
		}
		_, err = env.IDP.DescribeUserPool(env.Ctx, &cip.DescribeUserPoolInput{UserPoolId: aws.String(id)})
		wantAPIError(t, err, "ResourceNotFoundException", "User pool "+id+" does not exist.")
	})
}

func TestListUserPools(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		want := map[string]string{}
		for i := range 5 {
			p := createPool(t, env, &cip.CreateUserPoolInput{PoolName: aws.String(fmt.Sprintf("pool-%d", i))})
			want[*p.Id] = *p.Name
		}
		seen := map[string]string{}
		var token *string
		var sizes []int
		prev := ""
		for {
			out, err := env.IDP.ListUserPools(env.Ctx, &cip.ListUserPoolsInput{MaxResults: aws.Int32(2), NextToken: token})
			if err != nil {
				t.Fatalf("ListUserPools: %v", err)
			}
			sizes = append(sizes, len(out.UserPools))
			for _, p := range out.UserPools {
				if *p.Id <= prev {
					t.Errorf("pools out of order: %s after %s", *p.Id, prev)
				}
				prev = *p.Id
				seen[*p.Id] = *p.Name
				if p.CreationDate == nil || p.LambdaConfig == nil {
					t.Errorf("description of %s lacks CreationDate or LambdaConfig", *p.Id)
				}
			}
			if token = out.NextToken; token == nil {
				break
			}
		}
		sameJSON(t, "page sizes", sizes, []int{2, 2, 1})
		sameJSON(t, "pools listed", seen, want)

		// The SDK's paginator walks the same pages.
		pager := cip.NewListUserPoolsPaginator(env.IDP, &cip.ListUserPoolsInput{MaxResults: aws.Int32(3)})
		n := 0
		for pager.HasMorePages() {
			page, err := pager.NextPage(env.Ctx)
			if err != nil {
				t.Fatal(err)
			}
			n += len(page.UserPools)
		}
		if n != 5 {
			t.Errorf("paginator saw %d pools, want 5", n)
		}

		_, err := env.IDP.ListUserPools(env.Ctx, &cip.ListUserPoolsInput{MaxResults: aws.Int32(61)})
		wantAPIError(t, err, "InvalidParameterException",
			"1 validation error detected: Value '61' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 60")
		_, err = env.IDP.ListUserPools(env.Ctx, &cip.ListUserPoolsInput{MaxResults: aws.Int32(0)})
		wantAPIError(t, err, "InvalidParameterException",
			"1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1")
		_, err = env.IDP.ListUserPools(env.Ctx, &cip.ListUserPoolsInput{MaxResults: aws.Int32(1), NextToken: aws.String("%%%")})
		wantAPIError(t, err, "InvalidParameterException", "Invalid pagination token %%%.")
		_, err = unvalidated(env).ListUserPools(env.Ctx, &cip.ListUserPoolsInput{})
		wantAPIError(t, err, "InvalidParameterException",
			"1 validation error detected: Value null at 'maxResults' failed to satisfy constraint: Member must not be null")
	})
}

func TestAddCustomAttributes(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		id := aws.String(*createPool(t, env, &cip.CreateUserPoolInput{PoolName: aws.String("custom")}).Id)
		add := func(attrs ...types.SchemaAttributeType) error {
			_, err := env.IDP.AddCustomAttributes(env.Ctx, &cip.AddCustomAttributesInput{UserPoolId: id, CustomAttributes: attrs})
			return err
		}
		if err := add(
			types.SchemaAttributeType{Name: aws.String("team"), AttributeDataType: "String",
				StringAttributeConstraints: &types.StringAttributeConstraintsType{MaxLength: aws.String("32")}},
			types.SchemaAttributeType{Name: aws.String("score"), AttributeDataType: "Number", DeveloperOnlyAttribute: aws.Bool(true)},
			types.SchemaAttributeType{Name: aws.String("plain"), AttributeDataType: "String", Mutable: aws.Bool(false)},
		); err != nil {
			t.Fatalf("AddCustomAttributes: %v", err)
		}
		p := describePool(t, env, *id)
		got := p.SchemaAttributes[len(p.SchemaAttributes)-3:]
		sameJSON(t, "added attributes", got, []types.SchemaAttributeType{
			{Name: aws.String("custom:team"), AttributeDataType: "String", DeveloperOnlyAttribute: aws.Bool(false),
				Mutable: aws.Bool(true), Required: aws.Bool(false),
				StringAttributeConstraints: &types.StringAttributeConstraintsType{MaxLength: aws.String("32")}},
			{Name: aws.String("dev:custom:score"), AttributeDataType: "Number", DeveloperOnlyAttribute: aws.Bool(true),
				Mutable: aws.Bool(true), Required: aws.Bool(false), NumberAttributeConstraints: &types.NumberAttributeConstraintsType{}},
			{Name: aws.String("custom:plain"), AttributeDataType: "String", DeveloperOnlyAttribute: aws.Bool(false),
				Mutable: aws.Bool(false), Required: aws.Bool(false), StringAttributeConstraints: &types.StringAttributeConstraintsType{}},
		})
		wantAPIError(t, add(types.SchemaAttributeType{Name: aws.String("team"), AttributeDataType: "String"}),
			"InvalidParameterException", "Existing attribute already has name custom:team.")
		wantAPIError(t, add(types.SchemaAttributeType{Name: aws.String("boss"), AttributeDataType: "String", Required: aws.Bool(true)}),
			"InvalidParameterException", "Required custom attributes are not supported currently.")
		wantAPIError(t, add(types.SchemaAttributeType{Name: aws.String("size"), AttributeDataType: "String",
			StringAttributeConstraints: &types.StringAttributeConstraintsType{MinLength: aws.String("9"), MaxLength: aws.String("3")}}),
			"InvalidParameterException", "Invalid StringAttributeConstraints for attribute custom:size: MinLength and MaxLength must be whole numbers from 0 to 2048 with MinLength <= MaxLength.")
		wantAPIError(t, add(types.SchemaAttributeType{Name: aws.String("kind"), AttributeDataType: "Text"}),
			"InvalidParameterException", "1 validation error detected: Value 'Text' at 'customAttributes.1.member.attributeDataType' failed to satisfy constraint: Member must satisfy enum value set: [String, Number, DateTime, Boolean]")
		// A refused request adds nothing, not even its valid members.
		wantAPIError(t, add(types.SchemaAttributeType{Name: aws.String("fine"), AttributeDataType: "String"},
			types.SchemaAttributeType{Name: aws.String("team"), AttributeDataType: "String"}),
			"InvalidParameterException", "Existing attribute already has name custom:team.")
		if n := len(describePool(t, env, *id).SchemaAttributes); n != 24 {
			t.Errorf("schema has %d attributes, want 24", n)
		}
		// At most 50 custom attributes.
		var batch []types.SchemaAttributeType
		for i := range 47 {
			batch = append(batch, types.SchemaAttributeType{Name: aws.String(fmt.Sprintf("a%d", i)), AttributeDataType: "String"})
			if len(batch) == 25 || i == 46 {
				if err := add(batch...); err != nil {
					t.Fatalf("adding attribute batch: %v", err)
				}
				batch = nil
			}
		}
		wantAPIError(t, add(types.SchemaAttributeType{Name: aws.String("one-too-many"), AttributeDataType: "String"}),
			"InvalidParameterException", "A user pool can have at most 50 custom attributes.")
		_, err := unvalidated(env).AddCustomAttributes(env.Ctx, &cip.AddCustomAttributesInput{UserPoolId: id})
		wantAPIError(t, err, "InvalidParameterException",
			"1 validation error detected: Value null at 'customAttributes' failed to satisfy constraint: Member must not be null")
	})
}

func TestUserPoolMfaConfig(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		id := aws.String(*createPool(t, env, &cip.CreateUserPoolInput{PoolName: aws.String("mfa")}).Id)
		got, err := env.IDP.GetUserPoolMfaConfig(env.Ctx, &cip.GetUserPoolMfaConfigInput{UserPoolId: id})
		if err != nil {
			t.Fatal(err)
		}
		if got.MfaConfiguration != "OFF" || got.SoftwareTokenMfaConfiguration != nil || got.SmsMfaConfiguration != nil {
			t.Errorf("default MFA config = %+v", got)
		}
		set := &cip.SetUserPoolMfaConfigInput{
			UserPoolId:                    id,
			MfaConfiguration:              "OPTIONAL",
			SoftwareTokenMfaConfiguration: &types.SoftwareTokenMfaConfigType{Enabled: true},
			SmsMfaConfiguration: &types.SmsMfaConfigType{SmsAuthenticationMessage: aws.String("Code {####}"),
				SmsConfiguration: &types.SmsConfigurationType{SnsCallerArn: aws.String("arn:aws:iam::123456789012:role/sms"), ExternalId: aws.String("x")}},
			EmailMfaConfiguration: &types.EmailMfaConfigType{Message: aws.String("Your code {####}"), Subject: aws.String("Code")},
			WebAuthnConfiguration: &types.WebAuthnConfigurationType{RelyingPartyId: aws.String("example.com"),
				UserVerification: "required", FactorConfiguration: "MULTI_FACTOR_WITH_USER_VERIFICATION"},
		}
		out, err := env.IDP.SetUserPoolMfaConfig(env.Ctx, set)
		if err != nil {
			t.Fatalf("SetUserPoolMfaConfig: %v", err)
		}
		get, err := env.IDP.GetUserPoolMfaConfig(env.Ctx, &cip.GetUserPoolMfaConfigInput{UserPoolId: id})
		if err != nil {
			t.Fatal(err)
		}
		for name, got := range map[string]*cip.GetUserPoolMfaConfigOutput{"Set": (*cip.GetUserPoolMfaConfigOutput)(nil), "Get": get} {
			if got == nil {
				got = &cip.GetUserPoolMfaConfigOutput{MfaConfiguration: out.MfaConfiguration, SmsMfaConfiguration: out.SmsMfaConfiguration,
					SoftwareTokenMfaConfiguration: out.SoftwareTokenMfaConfiguration, EmailMfaConfiguration: out.EmailMfaConfiguration,
					WebAuthnConfiguration: out.WebAuthnConfiguration}
			}
			sameJSON(t, name+" MfaConfiguration", got.MfaConfiguration, set.MfaConfiguration)
			sameJSON(t, name+" SmsMfaConfiguration", got.SmsMfaConfiguration, set.SmsMfaConfiguration)
			sameJSON(t, name+" SoftwareTokenMfaConfiguration", got.SoftwareTokenMfaConfiguration, set.SoftwareTokenMfaConfiguration)
			sameJSON(t, name+" EmailMfaConfiguration", got.EmailMfaConfiguration, set.EmailMfaConfiguration)
			sameJSON(t, name+" WebAuthnConfiguration", got.WebAuthnConfiguration, set.WebAuthnConfiguration)
		}
		p := describePool(t, env, *id)
		if p.MfaConfiguration != "OPTIONAL" || aws.ToString(p.SmsConfiguration.SnsCallerArn) != "arn:aws:iam::123456789012:role/sms" {
			t.Errorf("DescribeUserPool shows MFA %q, SMS %+v", p.MfaConfiguration, p.SmsConfiguration)
		}

		cases := []struct {
			name string
			in   *cip.SetUserPoolMfaConfigInput
			msg  string
		}{
			{"off with a factor", &cip.SetUserPoolMfaConfigInput{UserPoolId: id, MfaConfiguration: "OFF",
				SoftwareTokenMfaConfiguration: &types.SoftwareTokenMfaConfigType{Enabled: true}},
				"Invalid MFA configuration given, can't turn off MFA and configure an MFA together."},
			{"on without factors", &cip.SetUserPoolMfaConfigInput{UserPoolId: id, MfaConfiguration: "ON"},
				"Invalid MFA configuration given, can't disable all MFAs with a required or optional configuration."},
			{"bad sms message", &cip.SetUserPoolMfaConfigInput{UserPoolId: id, MfaConfiguration: "ON",
				SmsMfaConfiguration: &types.SmsMfaConfigType{SmsAuthenticationMessage: aws.String("code")}},
				`2 validation errors detected: Value 'code' at 'smsMfaConfiguration.smsAuthenticationMessage' failed to satisfy constraint: Member must have length greater than or equal to 6; ` +
					`Value 'code' at 'smsMfaConfiguration.smsAuthenticationMessage' failed to satisfy constraint: Member must satisfy regular expression pattern: .*\{####\}.*`},
			{"user verification enum", &cip.SetUserPoolMfaConfigInput{UserPoolId: id, MfaConfiguration: "OFF",
				WebAuthnConfiguration: &types.WebAuthnConfigurationType{UserVerification: "always"}},
				"1 validation error detected: Value 'always' at 'webAuthnConfiguration.userVerification' failed to satisfy constraint: Member must satisfy enum value set: [required, preferred]"},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				_, err := env.IDP.SetUserPoolMfaConfig(env.Ctx, c.in)
				wantAPIError(t, err, "InvalidParameterException", c.msg)
			})
		}

		// Required MFA through SetUserPoolMfaConfig, then off again.
		if _, err := env.IDP.SetUserPoolMfaConfig(env.Ctx, &cip.SetUserPoolMfaConfigInput{UserPoolId: id, MfaConfiguration: "ON",
			SoftwareTokenMfaConfiguration: &types.SoftwareTokenMfaConfigType{Enabled: true}}); err != nil {
			t.Fatal(err)
		}
		if p := describePool(t, env, *id); p.MfaConfiguration != "ON" {
			t.Errorf("MfaConfiguration = %q, want ON", p.MfaConfiguration)
		}
		off, err := env.IDP.SetUserPoolMfaConfig(env.Ctx, &cip.SetUserPoolMfaConfigInput{UserPoolId: id, MfaConfiguration: "OFF"})
		if err != nil {
			t.Fatal(err)
		}
		if off.MfaConfiguration != "OFF" || off.SoftwareTokenMfaConfiguration != nil || off.WebAuthnConfiguration != nil {
			t.Errorf("after OFF: %+v", off)
		}
	})
}

func TestPoolOperationsNeedKnownKeys(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		ctx := context.Background()
		_, err := env.Anon.CreateUserPool(ctx, &cip.CreateUserPoolInput{PoolName: aws.String("anon")})
		wantAPIError(t, err, "UnrecognizedClientException", "The security token included in the request is invalid.")
		_, err = env.Anon.ListUserPools(ctx, &cip.ListUserPoolsInput{MaxResults: aws.Int32(10)})
		wantAPIError(t, err, "UnrecognizedClientException", "")
		_, err = env.Anon.DescribeUserPool(ctx, &cip.DescribeUserPoolInput{UserPoolId: aws.String("us-east-1_AbC123xyz")})
		wantAPIError(t, err, "UnrecognizedClientException", "")
		_, err = env.Anon.GetUserPoolMfaConfig(ctx, &cip.GetUserPoolMfaConfigInput{UserPoolId: aws.String("us-east-1_AbC123xyz")})
		wantAPIError(t, err, "UnrecognizedClientException", "")
	})
}
