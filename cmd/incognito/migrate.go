package main

import (
	"context"
	"io"

	"github.com/incognito-idp/incognito/internal/app"
	"github.com/incognito-idp/incognito/internal/config"
)

// migrate opens the store, which applies any pending migrations, and exits.
func migrate(ctx context.Context, args []string, getenv func(string) string, stderr io.Writer) error {
	cfg, err := config.Parse("incognito migrate", args, getenv)
	if err != nil {
		return err
	}
	st, err := app.OpenStore(ctx, cfg)
	if err != nil {
		return err
	}
	newLogger(cfg.LogFormat, stderr).Info("migrations applied", "store", storeName(cfg))
	return st.Close()
}
