package awscreds

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base32"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/incognito-idp/incognito/internal/store"
)

// Sealer seals the secret keys at rest (secret.Sealer implements it).
type Sealer interface {
	Seal(plaintext, associatedData []byte) []byte
	Open(sealed, associatedData []byte) ([]byte, error)
}

// Principal is who vended credentials speak for.
type Principal struct {
	RoleArn         string         `json:"role_arn"`
	RoleSessionName string         `json:"session_name"`
	AssumedRoleArn  string         `json:"assumed_role_arn"`
	AssumedRoleID   string         `json:"assumed_role_id"`
	IdentityID      string         `json:"identity_id,omitempty"`
	IdentityPoolID  string         `json:"identity_pool_id,omitempty"`
	Provider        string         `json:"provider,omitempty"`
	Subject         string         `json:"subject,omitempty"`
	Audience        string         `json:"audience,omitempty"`
	Claims          map[string]any `json:"claims,omitempty"`
}

// Credentials are what the caller gets.
type Credentials struct {
	AccessKeyID     string
	SecretAccessKey string
	SessionToken    string
	Expiration      time.Time
}

// Vendor issues and looks up credentials.
type Vendor struct {
	store     store.IdentityStore
	sealer    Sealer
	accountID string
	now       func() time.Time
	rand      io.Reader
}

// New builds a Vendor.
func New(st store.IdentityStore, sealer Sealer, accountID string, now func() time.Time, random io.Reader) *Vendor {
	if now == nil {
		now = time.Now
	}
	if random == nil {
		random = rand.Reader
	}
	return &Vendor{store: st, sealer: sealer, accountID: accountID, now: now, rand: random}
}

// ErrUnknown means no live credentials have that access key ID.
var ErrUnknown = errors.New("awscreds: unknown or expired credentials")

var upperB32 = base32.StdEncoding.WithPadding(base32.NoPadding)

func (v *Vendor) randomBytes(n int) []byte {
	b := make([]byte, n)
	if _, err := io.ReadFull(v.rand, b); err != nil {
		panic("awscreds: random source failed: " + err.Error())
	}
	return b
}

// roleName is the last path element of a role ARN
// (arn:aws:iam::123456789012:role/path/Name -> Name).
func roleName(arn string) string {
	return arn[strings.LastIndex(arn, "/")+1:]
}

// Issue vends credentials for p, valid for d. It fills in the assumed-role
// ARN and ID the way STS shapes them.
func (v *Vendor) Issue(ctx context.Context, p Principal, d time.Duration) (Credentials, Principal, error) {
	now := v.now().UTC().Truncate(time.Second)
	akid := "ASIA" + upperB32.EncodeToString(v.randomBytes(10))[:16]
	secret := base64.StdEncoding.EncodeToString(v.randomBytes(30)) // 40 characters
	session := base64.StdEncoding.EncodeToString(v.randomBytes(192))
	if p.RoleSessionName == "" {
		p.RoleSessionName = "CognitoIdentityCredentials"
	}
	p.AssumedRoleArn = fmt.Sprintf("arn:aws:sts::%s:assumed-role/%s/%s", v.accountID, roleName(p.RoleArn), p.RoleSessionName)
	p.AssumedRoleID = "AROA" + upperB32.EncodeToString(v.randomBytes(11))[:17] + ":" + p.RoleSessionName
	data, err := json.Marshal(p)
	if err != nil {
		return Credentials{}, Principal{}, err
	}
	sum := sha256.Sum256([]byte(session))
	creds := Credentials{AccessKeyID: akid, SecretAccessKey: secret, SessionToken: session, Expiration: now.Add(d)}
	err = v.store.CreateCredential(ctx, store.CredentialRecord{
		AccessKeyID: akid, SecretSealed: v.sealer.Seal([]byte(secret), []byte(akid)),
		SessionTokenHash: sum[:], IdentityID: p.IdentityID, RoleArn: p.RoleArn,
		ExpiresAt: creds.Expiration, CreatedAt: now, Data: data,
	})
	if err != nil {
		return Credentials{}, Principal{}, err
	}
	return creds, p, nil
}

// lookup finds live credentials and checks their session token.
func (v *Vendor) lookup(ctx context.Context, accessKeyID, sessionToken string) (store.CredentialRecord, error) {
	rec, err := v.store.GetCredential(ctx, accessKeyID)
	if errors.Is(err, store.ErrNotFound) {
		return rec, ErrUnknown
	}
	if err != nil {
		return rec, err
	}
	sum := sha256.Sum256([]byte(sessionToken))
	if subtle.ConstantTimeCompare(sum[:], rec.SessionTokenHash) != 1 || !v.now().Before(rec.ExpiresAt) {
		return rec, ErrUnknown
	}
	return rec, nil
}

// SecretFor implements sigv4.Credentials for vended credentials: the
// session token must be the one issued with the key, and the credentials
// must not have expired.
func (v *Vendor) SecretFor(ctx context.Context, accessKeyID, sessionToken string) (string, bool, error) {
	if !strings.HasPrefix(accessKeyID, "ASIA") || sessionToken == "" {
		return "", false, nil
	}
	rec, err := v.lookup(ctx, accessKeyID, sessionToken)
	if errors.Is(err, ErrUnknown) {
		return "", false, nil
	}
	if err != nil {
		return "", false, err
	}
	secret, err := v.sealer.Open(rec.SecretSealed, []byte(accessKeyID))
	if err != nil {
		return "", false, err
	}
	return string(secret), true, nil
}

// Principal returns who live credentials speak for.
func (v *Vendor) Principal(ctx context.Context, accessKeyID, sessionToken string) (Principal, error) {
	rec, err := v.lookup(ctx, accessKeyID, sessionToken)
	if err != nil {
		return Principal{}, err
	}
	var p Principal
	if err := json.Unmarshal(rec.Data, &p); err != nil {
		return Principal{}, err
	}
	return p, nil
}
