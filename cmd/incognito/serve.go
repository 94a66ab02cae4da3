package main

import (
	"context"
	"fmt"
	"io"
	"net"

	"github.com/incognito-idp/incognito/internal/app"
	"github.com/incognito-idp/incognito/internal/config"
	"github.com/incognito-idp/incognito/internal/seed"
)

func serve(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	cfg, err := config.Parse("incognito serve", args, getenv)
	if err != nil {
		return err
	}
	log := newLogger(cfg.LogFormat, stderr)
	var file *seed.File
	if cfg.ConfigFile != "" {
		if file, err = seed.Load(cfg.ConfigFile); err != nil {
			return err
		}
	}
	a, err := app.New(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer a.Close()
	var report *seed.Report
	if file != nil {
		report, err = seed.Apply(ctx, a.Pools, file)
		if err == nil {
			err = seed.ApplyIdentityPools(ctx, a.Identity, file, report)
		}
		if err != nil {
			return fmt.Errorf("applying %s: %w", cfg.ConfigFile, err)
		}
		log.Info("config file applied", "file", cfg.ConfigFile, "created", report.Created, "unchanged", report.Unchanged)
	}
	if cfg.DebugAddr != "" {
		ln, err := net.Listen("tcp", cfg.DebugAddr)
		if err != nil {
			return fmt.Errorf("--debug-addr: %w", err)
		}
		go func() {
			if err := app.ServeDebug(ctx, ln); err != nil {
				log.Error("profiling listener stopped", "err", err)
			}
		}()
		log.Info("serving pprof profiles", "url", "http://"+ln.Addr().String()+"/debug/pprof/")
	}
	if cfg.DevMode() {
		log.Warn("no admin keys configured: IAM-signed operations accept any well-formed signature; listening on loopback only",
			"addr", cfg.Addr)
	}
	return a.Serve(ctx, func(addr net.Addr) {
		log.Info("incognito listening", "addr", addr.String(), "public_url", cfg.PublicURL,
			"store", storeName(cfg), "region", cfg.Region, "version", version)
		if report != nil {
			printQuickstart(stdout, cfg, report)
		}
	})
}

func storeName(cfg config.Config) string {
	if cfg.DatabaseURL != "" {
		return "postgres"
	}
	return "sqlite:" + cfg.DataDir
}
