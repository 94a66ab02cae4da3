package app

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/incognito-idp/incognito/internal/authflow"
	"github.com/incognito-idp/incognito/internal/config"
	"github.com/incognito-idp/incognito/internal/identitypool"
	"github.com/incognito-idp/incognito/internal/secret"
	"github.com/incognito-idp/incognito/internal/store"
)

// Keys are the parts of Incognito that `incognito keys` needs, built as
// New builds them for the server. Close closes the store.
type Keys struct {
	Store    store.Store
	Auth     *authflow.Service
	Identity *identitypool.Service
}

// Close closes the store.
func (k *Keys) Close() error { return k.Store.Close() }

// OpenKeys opens an existing store with its existing master key. Unlike
// New it never makes a store or a master key: keys sealed with a new
// master key would be lost to every replica. A nil log discards.
func OpenKeys(ctx context.Context, cfg config.Config, log *slog.Logger) (*Keys, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	master, err := existingMasterKey(cfg)
	if err != nil {
		return nil, err
	}
	if cfg.DatabaseURL == "" {
		db := filepath.Join(cfg.DataDir, "incognito.db")
		if _, err := os.Stat(db); err != nil {
			return nil, fmt.Errorf("no store at %s (give --data or --database-url): %w", db, err)
		}
	}
	sealer, err := secret.New(master)
	if err != nil {
		return nil, err
	}
	st, err := OpenStore(ctx, cfg)
	if err != nil {
		return nil, err
	}
	_, auth := newUserPoolParts(cfg, st, sealer, master, nil, log)
	ids := newIdentityParts(cfg, st, sealer, auth, log)
	return &Keys{Store: st, Auth: auth, Identity: ids.pools}, nil
}

// existingMasterKey is INCOGNITO_MASTER_KEY, or the key file in the data
// directory, which must exist.
func existingMasterKey(cfg config.Config) ([]byte, error) {
	if cfg.MasterKey != "" {
		k, err := secret.ParseKey(cfg.MasterKey)
		if err != nil {
			return nil, fmt.Errorf("INCOGNITO_MASTER_KEY: %w", err)
		}
		return k, nil
	}
	path := filepath.Join(cfg.DataDir, "master.key")
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("no master key: set INCOGNITO_MASTER_KEY as for the replicas, or give --data holding master.key (%s does not exist)", path)
	}
	if err != nil {
		return nil, err
	}
	k, err := secret.ParseKey(string(b))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return k, nil
}
