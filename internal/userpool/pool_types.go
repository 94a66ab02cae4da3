package userpool

import "time"

// Pool is a user pool with every setting Cognito keeps for it. The settings
// are serialised as JSON into store.PoolRecord.Data; field names follow
// Cognito's so the stored form is self-explanatory.
type Pool struct {
	ID        string    `json:"-"`
	Name      string    `json:"-"`
	CreatedAt time.Time `json:"-"`
	UpdatedAt time.Time `json:"-"`

	Policies                    Policies                     `json:"Policies"`
	DeletionProtection          string                       `json:"DeletionProtection,omitempty"` // ACTIVE | INACTIVE
	LambdaConfig                *LambdaConfig                `json:"LambdaConfig,omitempty"`
	Schema                      []SchemaAttribute            `json:"Schema"`
	AutoVerifiedAttributes      []string                     `json:"AutoVerifiedAttributes,omitempty"`
	AliasAttributes             []string                     `json:"AliasAttributes,omitempty"`
	UsernameAttributes          []string                     `json:"UsernameAttributes,omitempty"`
	UsernameCaseSensitive       bool                         `json:"UsernameCaseSensitive"`
	UsernameConfigured          bool                         `json:"UsernameConfigured,omitempty"` // CreateUserPool had UsernameConfiguration
	SmsVerificationMessage      string                       `json:"SmsVerificationMessage,omitempty"`
	EmailVerificationMessage    string                       `json:"EmailVerificationMessage,omitempty"`
	EmailVerificationSubject    string                       `json:"EmailVerificationSubject,omitempty"`
	VerificationMessageTemplate *VerificationMessageTemplate `json:"VerificationMessageTemplate,omitempty"`
	SmsAuthenticationMessage    string                       `json:"SmsAuthenticationMessage,omitempty"`
	UserAttributeUpdateSettings *UserAttributeUpdateSettings `json:"UserAttributeUpdateSettings,omitempty"`
	MfaConfiguration            string                       `json:"MfaConfiguration,omitempty"` // OFF | ON | OPTIONAL
	DeviceConfiguration         *DeviceConfiguration         `json:"DeviceConfiguration,omitempty"`
	EmailConfiguration          *EmailConfiguration          `json:"EmailConfiguration,omitempty"`
	SmsConfiguration            *SmsConfiguration            `json:"SmsConfiguration,omitempty"`
	UserPoolTags                map[string]string            `json:"UserPoolTags,omitempty"`
	AdminCreateUserConfig       AdminCreateUserConfig        `json:"AdminCreateUserConfig"`
	UserPoolAddOns              *UserPoolAddOns              `json:"UserPoolAddOns,omitempty"`
	AccountRecoverySetting      *AccountRecoverySetting      `json:"AccountRecoverySetting,omitempty"`
	UserPoolTier                string                       `json:"UserPoolTier,omitempty"` // LITE | ESSENTIALS | PLUS
	IssuerConfiguration         *IssuerConfiguration         `json:"IssuerConfiguration,omitempty"`
	KeyConfiguration            *KeyConfiguration            `json:"KeyConfiguration,omitempty"`

	// Multi-factor settings from SetUserPoolMfaConfig (enforced by sign-in).
	SmsMfaConfiguration           *SmsMfaConfig           `json:"SmsMfaConfiguration,omitempty"`
	SoftwareTokenMfaConfiguration *SoftwareTokenMfaConfig `json:"SoftwareTokenMfaConfiguration,omitempty"`
	EmailMfaConfiguration         *EmailMfaConfig         `json:"EmailMfaConfiguration,omitempty"`
	WebAuthnConfiguration         *WebAuthnConfig         `json:"WebAuthnConfiguration,omitempty"`

	Domain       string `json:"Domain,omitempty"`
	CustomDomain string `json:"CustomDomain,omitempty"`
}

// Policies holds the password and sign-in policies.
type Policies struct {
	PasswordPolicy PasswordPolicy `json:"PasswordPolicy"`
	SignInPolicy   *SignInPolicy  `json:"SignInPolicy,omitempty"`
}

// PasswordPolicy is Cognito's PasswordPolicyType.
type PasswordPolicy struct {
	MinimumLength                 int  `json:"MinimumLength"`
	RequireUppercase              bool `json:"RequireUppercase"`
	RequireLowercase              bool `json:"RequireLowercase"`
	RequireNumbers                bool `json:"RequireNumbers"`
	RequireSymbols                bool `json:"RequireSymbols"`
	PasswordHistorySize           int  `json:"PasswordHistorySize,omitempty"`
	TemporaryPasswordValidityDays int  `json:"TemporaryPasswordValidityDays"`
}

// SignInPolicy lists the first factors choice-based sign-in offers.
type SignInPolicy struct {
	AllowedFirstAuthFactors []string `json:"AllowedFirstAuthFactors,omitempty"`
}

// SchemaAttribute is one attribute definition (SchemaAttributeType).
// Custom attributes are stored with their "custom:" prefix in Name.
type SchemaAttribute struct {
	Name                       string             `json:"Name"`
	AttributeDataType          string             `json:"AttributeDataType"` // String | Number | DateTime | Boolean
	DeveloperOnlyAttribute     bool               `json:"DeveloperOnlyAttribute"`
	Mutable                    bool               `json:"Mutable"`
	Required                   bool               `json:"Required"`
	NumberAttributeConstraints *NumberConstraints `json:"NumberAttributeConstraints,omitempty"`
	StringAttributeConstraints *StringConstraints `json:"StringAttributeConstraints,omitempty"`
}

// NumberConstraints bound a Number attribute; empty strings mean unbounded.
type NumberConstraints struct {
	MinValue string `json:"MinValue,omitempty"`
	MaxValue string `json:"MaxValue,omitempty"`
}

// StringConstraints bound a String attribute's length.
type StringConstraints struct {
	MinLength string `json:"MinLength,omitempty"`
	MaxLength string `json:"MaxLength,omitempty"`
}

// LambdaConfig names the trigger targets (invoked by a later issue).
type LambdaConfig struct {
	PreSignUp                   string            `json:"PreSignUp,omitempty"`
	CustomMessage               string            `json:"CustomMessage,omitempty"`
	PostConfirmation            string            `json:"PostConfirmation,omitempty"`
	PreAuthentication           string            `json:"PreAuthentication,omitempty"`
	PostAuthentication          string            `json:"PostAuthentication,omitempty"`
	DefineAuthChallenge         string            `json:"DefineAuthChallenge,omitempty"`
	CreateAuthChallenge         string            `json:"CreateAuthChallenge,omitempty"`
	VerifyAuthChallengeResponse string            `json:"VerifyAuthChallengeResponse,omitempty"`
	PreTokenGeneration          string            `json:"PreTokenGeneration,omitempty"`
	PreTokenGenerationConfig    *LambdaVersionArn `json:"PreTokenGenerationConfig,omitempty"`
	UserMigration               string            `json:"UserMigration,omitempty"`
	CustomSMSSender             *LambdaVersionArn `json:"CustomSMSSender,omitempty"`
	CustomEmailSender           *LambdaVersionArn `json:"CustomEmailSender,omitempty"`
	KMSKeyID                    string            `json:"KMSKeyID,omitempty"`
	InboundFederation           *LambdaVersionArn `json:"InboundFederation,omitempty"`
}

// LambdaVersionArn is a versioned trigger target.
type LambdaVersionArn struct {
	LambdaVersion string `json:"LambdaVersion"`
	LambdaArn     string `json:"LambdaArn"`
}

// VerificationMessageTemplate is the pool's message templates.
type VerificationMessageTemplate struct {
	SmsMessage         string `json:"SmsMessage,omitempty"`
	EmailMessage       string `json:"EmailMessage,omitempty"`
	EmailSubject       string `json:"EmailSubject,omitempty"`
	EmailMessageByLink string `json:"EmailMessageByLink,omitempty"`
	EmailSubjectByLink string `json:"EmailSubjectByLink,omitempty"`
	DefaultEmailOption string `json:"DefaultEmailOption,omitempty"` // CONFIRM_WITH_LINK | CONFIRM_WITH_CODE
}

// UserAttributeUpdateSettings lists attributes whose new value applies only
// once verified.
type UserAttributeUpdateSettings struct {
	AttributesRequireVerificationBeforeUpdate []string `json:"AttributesRequireVerificationBeforeUpdate"`
}

// DeviceConfiguration controls remembered devices.
type DeviceConfiguration struct {
	ChallengeRequiredOnNewDevice     bool `json:"ChallengeRequiredOnNewDevice"`
	DeviceOnlyRememberedOnUserPrompt bool `json:"DeviceOnlyRememberedOnUserPrompt"`
}

// EmailConfiguration is kept as given (delivery is configured on Incognito's
// command line, not through SES).
type EmailConfiguration struct {
	SourceArn           string `json:"SourceArn,omitempty"`
	ReplyToEmailAddress string `json:"ReplyToEmailAddress,omitempty"`
	EmailSendingAccount string `json:"EmailSendingAccount,omitempty"`
	From                string `json:"From,omitempty"`
	ConfigurationSet    string `json:"ConfigurationSet,omitempty"`
}

// SmsConfiguration is kept as given.
type SmsConfiguration struct {
	SnsCallerArn string `json:"SnsCallerArn"`
	ExternalId   string `json:"ExternalId,omitempty"`
	SnsRegion    string `json:"SnsRegion,omitempty"`
}

// AdminCreateUserConfig is Cognito's AdminCreateUserConfigType.
type AdminCreateUserConfig struct {
	AllowAdminCreateUserOnly  bool             `json:"AllowAdminCreateUserOnly"`
	UnusedAccountValidityDays int              `json:"UnusedAccountValidityDays,omitempty"`
	InviteMessageTemplate     *MessageTemplate `json:"InviteMessageTemplate,omitempty"`
}

// MessageTemplate is an invitation template.
type MessageTemplate struct {
	SMSMessage   string `json:"SMSMessage,omitempty"`
	EmailMessage string `json:"EmailMessage,omitempty"`
	EmailSubject string `json:"EmailSubject,omitempty"`
}

// UserPoolAddOns holds the threat-protection mode.
type UserPoolAddOns struct {
	AdvancedSecurityMode string `json:"AdvancedSecurityMode"`
	// CustomAuthMode is AdvancedSecurityAdditionalFlows.CustomAuthMode
	// (AUDIT | ENFORCED), "" when not set.
	CustomAuthMode string `json:"CustomAuthMode,omitempty"`
}

// IssuerConfiguration chooses the token issuer form (ORIGINAL | UPDATED).
type IssuerConfiguration struct {
	Type string `json:"Type"`
}

// KeyConfiguration is kept as given (Incognito seals with its own key).
type KeyConfiguration struct {
	KeyType   string `json:"KeyType"` // AWS_OWNED_KEY | CUSTOMER_MANAGED_KEY
	KmsKeyArn string `json:"KmsKeyArn,omitempty"`
}

// AccountRecoverySetting orders the recovery mechanisms.
type AccountRecoverySetting struct {
	RecoveryMechanisms []RecoveryOption `json:"RecoveryMechanisms"`
}

// RecoveryOption is one recovery mechanism.
type RecoveryOption struct {
	Priority int    `json:"Priority"`
	Name     string `json:"Name"` // verified_email | verified_phone_number | admin_only
}

// SmsMfaConfig is SetUserPoolMfaConfig's SMS part.
type SmsMfaConfig struct {
	SmsAuthenticationMessage string            `json:"SmsAuthenticationMessage,omitempty"`
	SmsConfiguration         *SmsConfiguration `json:"SmsConfiguration,omitempty"`
}

// SoftwareTokenMfaConfig is SetUserPoolMfaConfig's TOTP part.
type SoftwareTokenMfaConfig struct {
	Enabled bool `json:"Enabled"`
}

// EmailMfaConfig is SetUserPoolMfaConfig's email part.
type EmailMfaConfig struct {
	Message string `json:"Message,omitempty"`
	Subject string `json:"Subject,omitempty"`
}

// WebAuthnConfig is SetUserPoolMfaConfig's passkey part.
type WebAuthnConfig struct {
	RelyingPartyId   string `json:"RelyingPartyId,omitempty"`
	UserVerification string `json:"UserVerification,omitempty"`
	// FactorConfiguration is SINGLE_FACTOR | MULTI_FACTOR_WITH_USER_VERIFICATION.
	FactorConfiguration string `json:"FactorConfiguration,omitempty"`
}

// Attribute returns the schema definition of name, if the pool has one.
func (p *Pool) Attribute(name string) (SchemaAttribute, bool) {
	for _, a := range p.Schema {
		if a.Name == name {
			return a, true
		}
	}
	return SchemaAttribute{}, false
}

// HasAlias reports whether attr (email, phone_number, preferred_username)
// is a sign-in alias of the pool.
func (p *Pool) HasAlias(attr string) bool { return contains(p.AliasAttributes, attr) }

// UsesAsUsername reports whether attr (email, phone_number) is the pool's
// username (UsernameAttributes).
func (p *Pool) UsesAsUsername(attr string) bool { return contains(p.UsernameAttributes, attr) }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
