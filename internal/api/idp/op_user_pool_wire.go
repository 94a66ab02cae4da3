package idp

import "github.com/incognito-idp/incognito/internal/awsjson"

// Wire shapes of the user-pool settings, with Cognito's member names, as
// aws-sdk-go-v2 serialises them (types.UserPoolType and the types it
// holds). Pointers tell an omitted member from a zero one.

type wirePasswordPolicy struct {
	MinimumLength                 *int64 `json:"MinimumLength,omitempty"`
	RequireUppercase              *bool  `json:"RequireUppercase,omitempty"`
	RequireLowercase              *bool  `json:"RequireLowercase,omitempty"`
	RequireNumbers                *bool  `json:"RequireNumbers,omitempty"`
	RequireSymbols                *bool  `json:"RequireSymbols,omitempty"`
	PasswordHistorySize           *int64 `json:"PasswordHistorySize,omitempty"`
	TemporaryPasswordValidityDays *int64 `json:"TemporaryPasswordValidityDays,omitempty"`
}

type wireSignInPolicy struct {
	AllowedFirstAuthFactors []string `json:"AllowedFirstAuthFactors,omitempty"`
}

type wirePolicies struct {
	PasswordPolicy *wirePasswordPolicy `json:"PasswordPolicy,omitempty"`
	SignInPolicy   *wireSignInPolicy   `json:"SignInPolicy,omitempty"`
}

type wireLambdaVersion struct {
	LambdaVersion string `json:"LambdaVersion,omitempty"`
	LambdaArn     string `json:"LambdaArn,omitempty"`
}

type wireLambdaConfig struct {
	PreSignUp                   string             `json:"PreSignUp,omitempty"`
	CustomMessage               string             `json:"CustomMessage,omitempty"`
	PostConfirmation            string             `json:"PostConfirmation,omitempty"`
	PreAuthentication           string             `json:"PreAuthentication,omitempty"`
	PostAuthentication          string             `json:"PostAuthentication,omitempty"`
	DefineAuthChallenge         string             `json:"DefineAuthChallenge,omitempty"`
	CreateAuthChallenge         string             `json:"CreateAuthChallenge,omitempty"`
	VerifyAuthChallengeResponse string             `json:"VerifyAuthChallengeResponse,omitempty"`
	PreTokenGeneration          string             `json:"PreTokenGeneration,omitempty"`
	UserMigration               string             `json:"UserMigration,omitempty"`
	PreTokenGenerationConfig    *wireLambdaVersion `json:"PreTokenGenerationConfig,omitempty"`
	CustomSMSSender             *wireLambdaVersion `json:"CustomSMSSender,omitempty"`
	CustomEmailSender           *wireLambdaVersion `json:"CustomEmailSender,omitempty"`
	KMSKeyID                    string             `json:"KMSKeyID,omitempty"`
	InboundFederation           *wireLambdaVersion `json:"InboundFederation,omitempty"`
}

type wireNumberConstraints struct {
	MinValue *string `json:"MinValue,omitempty"`
	MaxValue *string `json:"MaxValue,omitempty"`
}

type wireStringConstraints struct {
	MinLength *string `json:"MinLength,omitempty"`
	MaxLength *string `json:"MaxLength,omitempty"`
}

type wireSchemaAttribute struct {
	Name                       *string                `json:"Name,omitempty"`
	AttributeDataType          string                 `json:"AttributeDataType,omitempty"`
	DeveloperOnlyAttribute     *bool                  `json:"DeveloperOnlyAttribute,omitempty"`
	Mutable                    *bool                  `json:"Mutable,omitempty"`
	Required                   *bool                  `json:"Required,omitempty"`
	NumberAttributeConstraints *wireNumberConstraints `json:"NumberAttributeConstraints,omitempty"`
	StringAttributeConstraints *wireStringConstraints `json:"StringAttributeConstraints,omitempty"`
}

type wireVerificationMessageTemplate struct {
	SmsMessage         string `json:"SmsMessage,omitempty"`
	EmailMessage       string `json:"EmailMessage,omitempty"`
	EmailSubject       string `json:"EmailSubject,omitempty"`
	EmailMessageByLink string `json:"EmailMessageByLink,omitempty"`
	EmailSubjectByLink string `json:"EmailSubjectByLink,omitempty"`
	DefaultEmailOption string `json:"DefaultEmailOption,omitempty"`
}

type wireUserAttributeUpdateSettings struct {
	AttributesRequireVerificationBeforeUpdate []string `json:"AttributesRequireVerificationBeforeUpdate"`
}

type wireDeviceConfiguration struct {
	ChallengeRequiredOnNewDevice     bool `json:"ChallengeRequiredOnNewDevice"`
	DeviceOnlyRememberedOnUserPrompt bool `json:"DeviceOnlyRememberedOnUserPrompt"`
}

type wireEmailConfiguration struct {
	SourceArn           string `json:"SourceArn,omitempty"`
	ReplyToEmailAddress string `json:"ReplyToEmailAddress,omitempty"`
	EmailSendingAccount string `json:"EmailSendingAccount,omitempty"`
	From                string `json:"From,omitempty"`
	ConfigurationSet    string `json:"ConfigurationSet,omitempty"`
}

type wireSmsConfiguration struct {
	SnsCallerArn string `json:"SnsCallerArn,omitempty"`
	ExternalId   string `json:"ExternalId,omitempty"`
	SnsRegion    string `json:"SnsRegion,omitempty"`
}

type wireMessageTemplate struct {
	SMSMessage   string `json:"SMSMessage,omitempty"`
	EmailMessage string `json:"EmailMessage,omitempty"`
	EmailSubject string `json:"EmailSubject,omitempty"`
}

type wireAdminCreateUserConfig struct {
	AllowAdminCreateUserOnly  bool                 `json:"AllowAdminCreateUserOnly"`
	UnusedAccountValidityDays int64                `json:"UnusedAccountValidityDays,omitempty"`
	InviteMessageTemplate     *wireMessageTemplate `json:"InviteMessageTemplate,omitempty"`
}

type wireAdditionalFlows struct {
	CustomAuthMode string `json:"CustomAuthMode,omitempty"`
}

type wireUserPoolAddOns struct {
	AdvancedSecurityMode            string               `json:"AdvancedSecurityMode,omitempty"`
	AdvancedSecurityAdditionalFlows *wireAdditionalFlows `json:"AdvancedSecurityAdditionalFlows,omitempty"`
}

type wireUsernameConfiguration struct {
	CaseSensitive *bool `json:"CaseSensitive,omitempty"`
}

type wireRecoveryOption struct {
	Priority int64  `json:"Priority,omitempty"`
	Name     string `json:"Name,omitempty"`
}

type wireAccountRecoverySetting struct {
	RecoveryMechanisms []wireRecoveryOption `json:"RecoveryMechanisms,omitempty"`
}

type wireIssuerConfiguration struct {
	Type string `json:"Type,omitempty"`
}

type wireKeyConfiguration struct {
	KeyType   string `json:"KeyType,omitempty"`
	KmsKeyArn string `json:"KmsKeyArn,omitempty"`
}

// wirePoolSettings are the members CreateUserPool and UpdateUserPool share.
type wirePoolSettings struct {
	Policies                    *wirePolicies                    `json:"Policies,omitempty"`
	DeletionProtection          string                           `json:"DeletionProtection,omitempty"`
	LambdaConfig                *wireLambdaConfig                `json:"LambdaConfig,omitempty"`
	AutoVerifiedAttributes      []string                         `json:"AutoVerifiedAttributes,omitempty"`
	SmsVerificationMessage      string                           `json:"SmsVerificationMessage,omitempty"`
	EmailVerificationMessage    string                           `json:"EmailVerificationMessage,omitempty"`
	EmailVerificationSubject    string                           `json:"EmailVerificationSubject,omitempty"`
	VerificationMessageTemplate *wireVerificationMessageTemplate `json:"VerificationMessageTemplate,omitempty"`
	SmsAuthenticationMessage    string                           `json:"SmsAuthenticationMessage,omitempty"`
	UserAttributeUpdateSettings *wireUserAttributeUpdateSettings `json:"UserAttributeUpdateSettings,omitempty"`
	MfaConfiguration            string                           `json:"MfaConfiguration,omitempty"`
	DeviceConfiguration         *wireDeviceConfiguration         `json:"DeviceConfiguration,omitempty"`
	EmailConfiguration          *wireEmailConfiguration          `json:"EmailConfiguration,omitempty"`
	SmsConfiguration            *wireSmsConfiguration            `json:"SmsConfiguration,omitempty"`
	UserPoolTags                map[string]string                `json:"UserPoolTags,omitempty"`
	AdminCreateUserConfig       *wireAdminCreateUserConfig       `json:"AdminCreateUserConfig,omitempty"`
	UserPoolAddOns              *wireUserPoolAddOns              `json:"UserPoolAddOns,omitempty"`
	AccountRecoverySetting      *wireAccountRecoverySetting      `json:"AccountRecoverySetting,omitempty"`
	UserPoolTier                string                           `json:"UserPoolTier,omitempty"`
	IssuerConfiguration         *wireIssuerConfiguration         `json:"IssuerConfiguration,omitempty"`
	KeyConfiguration            *wireKeyConfiguration            `json:"KeyConfiguration,omitempty"`
}

// wireUserPool is UserPoolType, what CreateUserPool and DescribeUserPool
// return.
type wireUserPool struct {
	Id                          string                           `json:"Id"`
	Name                        string                           `json:"Name"`
	Arn                         string                           `json:"Arn"`
	CreationDate                *awsjson.Time                    `json:"CreationDate,omitempty"`
	LastModifiedDate            *awsjson.Time                    `json:"LastModifiedDate,omitempty"`
	Policies                    *wirePolicies                    `json:"Policies,omitempty"`
	DeletionProtection          string                           `json:"DeletionProtection,omitempty"`
	LambdaConfig                *wireLambdaConfig                `json:"LambdaConfig"`
	SchemaAttributes            []wireSchemaAttribute            `json:"SchemaAttributes"`
	AutoVerifiedAttributes      []string                         `json:"AutoVerifiedAttributes,omitempty"`
	AliasAttributes             []string                         `json:"AliasAttributes,omitempty"`
	UsernameAttributes          []string                         `json:"UsernameAttributes,omitempty"`
	SmsVerificationMessage      string                           `json:"SmsVerificationMessage,omitempty"`
	EmailVerificationMessage    string                           `json:"EmailVerificationMessage,omitempty"`
	EmailVerificationSubject    string                           `json:"EmailVerificationSubject,omitempty"`
	VerificationMessageTemplate *wireVerificationMessageTemplate `json:"VerificationMessageTemplate,omitempty"`
	SmsAuthenticationMessage    string                           `json:"SmsAuthenticationMessage,omitempty"`
	UserAttributeUpdateSettings *wireUserAttributeUpdateSettings `json:"UserAttributeUpdateSettings,omitempty"`
	MfaConfiguration            string                           `json:"MfaConfiguration"`
	DeviceConfiguration         *wireDeviceConfiguration         `json:"DeviceConfiguration,omitempty"`
	EstimatedNumberOfUsers      int64                            `json:"EstimatedNumberOfUsers"`
	EmailConfiguration          *wireEmailConfiguration          `json:"EmailConfiguration,omitempty"`
	SmsConfiguration            *wireSmsConfiguration            `json:"SmsConfiguration,omitempty"`
	UserPoolTags                map[string]string                `json:"UserPoolTags"`
	Domain                      string                           `json:"Domain,omitempty"`
	CustomDomain                string                           `json:"CustomDomain,omitempty"`
	AdminCreateUserConfig       *wireAdminCreateUserConfig       `json:"AdminCreateUserConfig,omitempty"`
	UserPoolAddOns              *wireUserPoolAddOns              `json:"UserPoolAddOns,omitempty"`
	UsernameConfiguration       *wireUsernameConfiguration       `json:"UsernameConfiguration,omitempty"`
	AccountRecoverySetting      *wireAccountRecoverySetting      `json:"AccountRecoverySetting,omitempty"`
	UserPoolTier                string                           `json:"UserPoolTier,omitempty"`
	IssuerConfiguration         *wireIssuerConfiguration         `json:"IssuerConfiguration,omitempty"`
	KeyConfiguration            *wireKeyConfiguration            `json:"KeyConfiguration,omitempty"`
}
