package userpool

import "time"

// User statuses (UserStatusType).
const (
	StatusUnconfirmed         = "UNCONFIRMED"
	StatusConfirmed           = "CONFIRMED"
	StatusForceChangePassword = "FORCE_CHANGE_PASSWORD"
	StatusResetRequired       = "RESET_REQUIRED"
	StatusExternalProvider    = "EXTERNAL_PROVIDER"
	StatusArchived            = "ARCHIVED"
	StatusCompromised         = "COMPROMISED"
	StatusUnknown             = "UNKNOWN"
)

// User is a user of a pool as the domain sees it.
type User struct {
	PoolID     string
	Key        string // normalised username (store key)
	Username   string
	Sub        string
	Status     string
	Enabled    bool
	CreatedAt  time.Time
	UpdatedAt  time.Time
	Attributes map[string]string // includes "sub"
	Private    UserPrivate
}

// UserPrivate is the user's private state, serialised and sealed into
// store.UserRecord.Data. Nothing here is ever returned on the wire.
type UserPrivate struct {
	// SRP verifier and salt for the current password (never the password).
	PasswordSalt     []byte    `json:"salt,omitempty"`
	PasswordVerifier []byte    `json:"verifier,omitempty"`
	PasswordSetAt    time.Time `json:"password_set_at,omitempty"`
	// TemporaryPasswordExpires is set while the password is an
	// administrator's temporary one (FORCE_CHANGE_PASSWORD).
	TemporaryPasswordExpires time.Time `json:"temp_expires,omitempty"`
	// MFA settings (SetUserMFAPreference, AdminSetUserSettings).
	MFAOptions   []MFAOption `json:"mfa_options,omitempty"`
	PreferredMfa string      `json:"preferred_mfa,omitempty"`
	EnabledMFAs  []string    `json:"enabled_mfas,omitempty"`
	// SignIn is the lockout state of password and code checks.
	SignIn SignInState `json:"signin,omitempty"`
	// Codes are pending one-time codes and hourly request counts (codes.go).
	Codes map[string]CodeState `json:"codes,omitempty"`
	// Extra holds state later features add without a schema change.
	Extra map[string]string `json:"extra,omitempty"`
}

// MFAOption is the legacy per-user SMS MFA setting.
type MFAOption struct {
	DeliveryMedium string `json:"DeliveryMedium"`
	AttributeName  string `json:"AttributeName"`
}

// Group is a group of a pool.
type Group struct {
	PoolID      string
	Name        string
	Description string
	RoleArn     string
	Precedence  *int64
	CreatedAt   time.Time
	UpdatedAt   time.Time
}
