// Command incognito is a self-hosted identity server that speaks Amazon
// Cognito's wire protocol. `incognito serve` (the default) runs it;
// `incognito migrate` only applies schema migrations; `incognito keys`
// rotates and lists signing keys; `incognito version` prints the version.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Getenv, os.Stdout, os.Stderr))
}

func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	cmd := "serve"
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		cmd, args = args[0], args[1:]
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	var err error
	switch cmd {
	case "serve":
		err = serve(ctx, args, getenv, stdout, stderr)
	case "migrate":
		err = migrate(ctx, args, getenv, stderr)
	case "keys":
		err = keys(ctx, args, getenv, stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, "incognito", version)
	case "help", "-h", "--help":
		usage(stdout)
	default:
		fmt.Fprintf(stderr, "incognito: unknown command %q\n", cmd)
		usage(stderr)
		return 2
	}
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		fmt.Fprintln(stderr, "incognito:", err)
		return 1
	}
	return 0
}

func usage(w io.Writer) {
	fmt.Fprint(w, `usage: incognito [command] [flags]

commands:
  serve     run the server (default)
  migrate   apply database migrations and exit
  keys      rotate or list the signing keys ("incognito keys -h")
  version   print the version

Run "incognito serve -h" for the flags.
`)
}

func newLogger(format string, w io.Writer) *slog.Logger {
	if format == "json" {
		return slog.New(slog.NewJSONHandler(w, nil))
	}
	return slog.New(slog.NewTextHandler(w, nil))
}
