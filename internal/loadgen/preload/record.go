package preload

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/incognito-idp/incognito/internal/config"
	"github.com/incognito-idp/incognito/internal/secret"
	"github.com/incognito-idp/incognito/internal/srp"
	"github.com/incognito-idp/incognito/internal/store"
	"github.com/incognito-idp/incognito/internal/userpool"
)

// userSecretsPurpose is the purpose app.New derives the user-pool
// service's sealer with; rows sealed otherwise would not open.
const userSecretsPurpose = "user-secrets"

// userSealer opens the server's master key as app.New does (never
// creating one) and derives the sealer of user rows.
func userSealer(cfg config.Config) (*secret.Sealer, error) {
	var key []byte
	var err error
	if cfg.MasterKey != "" {
		key, err = secret.ParseKey(cfg.MasterKey)
	} else {
		path := filepath.Join(cfg.DataDir, "master.key")
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("no master key: %w", err)
		}
		key, err = secret.LoadOrCreateKeyFile(path)
	}
	if err != nil {
		return nil, fmt.Errorf("master key: %w", err)
	}
	s, err := secret.New(key)
	if err != nil {
		return nil, err
	}
	return s.Derive(userSecretsPurpose), nil
}

// confirmedUser is the row userpool writes for AdminCreateUser(username)
// without attributes followed by AdminSetUserPassword(password,
// permanent): the key is the username, lower-cased unless the pool is
// case-sensitive; the sub is a random UUID, held as attribute and claim;
// the private state is the password's salt and verifier, sealed with the
// pool ID and key as associated data.
func confirmedUser(sealer *secret.Sealer, pool *userpool.Pool, username, password string, now time.Time) (store.UserRecord, error) {
	if username == "" {
		return store.UserRecord{}, errors.New("empty username")
	}
	key := username
	if !pool.UsernameCaseSensitive {
		key = strings.ToLower(username)
	}
	sub, err := newSub()
	if err != nil {
		return store.UserRecord{}, err
	}
	salt, verifier, err := srp.NewVerifier(rand.Reader, srp.PoolName(pool.ID), username, password)
	if err != nil {
		return store.UserRecord{}, err
	}
	priv, err := json.Marshal(userpool.UserPrivate{PasswordSalt: salt, PasswordVerifier: verifier, PasswordSetAt: now})
	if err != nil {
		return store.UserRecord{}, err
	}
	return store.UserRecord{
		PoolID: pool.ID, Key: key, Username: username, Sub: sub,
		Status: userpool.StatusConfirmed, Enabled: true, CreatedAt: now, UpdatedAt: now,
		Attributes: map[string]string{userpool.AttrSub: sub},
		Claims:     []string{"sub:" + sub},
		Data:       sealer.Seal(priv, []byte(pool.ID+"/"+key)),
	}, nil
}

// newSub is a random version 4 UUID.
func newSub() (string, error) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:], nil
}
