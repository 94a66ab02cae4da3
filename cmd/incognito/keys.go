package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/incognito-idp/incognito/internal/app"
	"github.com/incognito-idp/incognito/internal/authflow"
	"github.com/incognito-idp/incognito/internal/config"
	"github.com/incognito-idp/incognito/internal/store"
)

// keys runs `incognito keys rotate` and `incognito keys list`: the
// operator's hold on the signing keys every replica shares through the
// store.
func keys(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	sub := ""
	if len(args) > 0 {
		sub, args = args[0], args[1:]
	}
	switch sub {
	case "rotate":
		return keysRotate(ctx, args, getenv, stdout, stderr)
	case "list":
		return keysList(ctx, args, getenv, stdout, stderr)
	case "help", "-h", "-help", "--help":
		keysUsage(stdout)
		return flag.ErrHelp
	}
	keysUsage(stderr)
	if sub == "" {
		return errors.New("keys: say rotate or list")
	}
	return fmt.Errorf("keys: unknown command %q", sub)
}

func keysUsage(w io.Writer) {
	fmt.Fprint(w, `usage:
  incognito keys rotate (--pool <id> | --all) [--identity] [--activate-after 5m] [store flags]
  incognito keys rotate --identity [--activate-after 5m] [store flags]
  incognito keys list (--pool <id> | --identity) [store flags]

rotate gives each pool a new ID key and a new access key (with --identity,
the identity pools' OpenID tokens a new key). The new keys are published in
the JWKS at once and sign from --activate-after on; the keys they replace
stop signing then and keep verifying for a day, until every token they
signed has expired. Run it while the replicas serve: they reload their keys
within a minute, so keep --activate-after above that.

Store flags are those of "incognito serve": --data or --database-url (and
their environment variables), with the master key of the replicas
(INCOGNITO_MASTER_KEY, or master.key in the data directory).
`)
}

// keysFlags are the flags of keys rotate and keys list; the store flags
// go to config.Parse.
type keysFlags struct {
	fs            *flag.FlagSet
	pool          string
	all           bool
	identity      bool
	activateAfter time.Duration
}

func newKeysFlags(name string, stderr io.Writer, rotate bool) *keysFlags {
	k := &keysFlags{fs: flag.NewFlagSet(name, flag.ContinueOnError)}
	k.fs.SetOutput(stderr)
	k.fs.Usage = func() { keysUsage(stderr) }
	k.fs.StringVar(&k.pool, "pool", "", "user pool ID")
	k.fs.BoolVar(&k.identity, "identity", false, "the identity pools' OpenID token keys")
	if rotate {
		k.fs.BoolVar(&k.all, "all", false, "every user pool")
		k.fs.DurationVar(&k.activateAfter, "activate-after", authflow.DefaultKeyActivation, "how long the new keys are published before they sign")
	}
	return k
}

// parse takes its own flags out of args and hands the rest to
// config.Parse, so the store is found exactly as by serve and migrate.
func (k *keysFlags) parse(args []string, getenv func(string) string) (config.Config, error) {
	var own, rest []string
	for i := 0; i < len(args); i++ {
		arg := args[i]
		name, _, hasValue := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		if !strings.HasPrefix(arg, "-") || arg == "-" || arg == "--" {
			rest = append(rest, arg)
			continue
		}
		f := k.fs.Lookup(name)
		if f == nil && name != "h" && name != "help" {
			// A store flag: every one of them takes a value.
			rest = append(rest, arg)
			if !hasValue && i+1 < len(args) {
				i++
				rest = append(rest, args[i])
			}
			continue
		}
		own = append(own, arg)
		if f == nil || hasValue {
			continue
		}
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); !(ok && b.IsBoolFlag()) && i+1 < len(args) {
			i++
			own = append(own, args[i])
		}
	}
	if err := k.fs.Parse(own); err != nil {
		return config.Config{}, err
	}
	return config.Parse(k.fs.Name(), rest, getenv)
}

func keysRotate(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	k := newKeysFlags("incognito keys rotate", stderr, true)
	cfg, err := k.parse(args, getenv)
	if err != nil {
		return err
	}
	switch {
	case k.pool != "" && k.all:
		return errors.New("keys rotate: --pool and --all exclude each other")
	case k.pool == "" && !k.all && !k.identity:
		return errors.New("keys rotate: name what to rotate: --pool <id>, --all or --identity")
	case k.activateAfter < 0:
		return fmt.Errorf("keys rotate: --activate-after %v is negative", k.activateAfter)
	case k.activateAfter < authflow.KeyCacheTTL:
		fmt.Fprintf(stderr, "warning: --activate-after %v is shorter than the replicas' key cache (%v): replicas that meet a new kid "+
			"reload at once, but relying parties that cache the JWKS may refuse the new keys' tokens until they fetch it again\n",
			k.activateAfter, authflow.KeyCacheTTL)
	}
	svc, err := app.OpenKeys(ctx, cfg, nil)
	if err != nil {
		return err
	}
	defer svc.Close()
	poolIDs := []string{k.pool}
	if k.pool == "" {
		poolIDs = nil
	}
	if k.all {
		if poolIDs, err = allPoolIDs(ctx, svc.Store); err != nil {
			return err
		}
	}
	w := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	var errs []error
	for _, id := range poolIDs {
		rot, err := svc.Auth.RotateKeys(ctx, id, k.activateAfter)
		if err != nil {
			errs = append(errs, fmt.Errorf("pool %s: %w", id, err))
			continue
		}
		if len(rot.Keys) == 0 {
			fmt.Fprintf(w, "%s\t-\tno keys yet: the pool makes its first ones when it first signs a token\n", id)
		}
		for _, r := range rot.Keys {
			fmt.Fprintf(w, "%s\t%s\t%s\t-> %s\tactive from %s\n", id, r.Use, kidList(r.Replaced), r.NewKeyID, stamp(r.ActiveFrom))
		}
		if len(rot.Expired) > 0 {
			fmt.Fprintf(w, "%s\t-\texpired, neither published nor trusted: %s\n", id, strings.Join(rot.Expired, ", "))
		}
	}
	if k.identity {
		rot, err := svc.Identity.RotateOpenIDKeys(ctx, k.activateAfter)
		switch {
		case err != nil:
			errs = append(errs, fmt.Errorf("identity pools: %w", err))
		case rot.NewKeyID == "":
			fmt.Fprintf(w, "identity pools\t-\tno keys yet: the first one is made with the first OpenID token\n")
		default:
			fmt.Fprintf(w, "identity pools\t%s\t%s\t-> %s\tactive from %s\n", "openid", kidList(rot.Replaced), rot.NewKeyID, stamp(rot.ActiveFrom))
			if len(rot.Dropped) > 0 {
				fmt.Fprintf(w, "identity pools\t-\tremoved, retired over a day ago: %s\n", strings.Join(rot.Dropped, ", "))
			}
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return errors.Join(errs...)
}

func keysList(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	k := newKeysFlags("incognito keys list", stderr, false)
	cfg, err := k.parse(args, getenv)
	if err != nil {
		return err
	}
	if (k.pool == "") == !k.identity {
		return errors.New("keys list: name one of --pool <id> or --identity")
	}
	svc, err := app.OpenKeys(ctx, cfg, nil)
	if err != nil {
		return err
	}
	defer svc.Close()
	w := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "KID\tUSE\tACTIVE FROM\tRETIRED AT\tSTATE")
	if k.identity {
		infos, err := svc.Identity.OpenIDKeys(ctx)
		if err != nil {
			return err
		}
		for _, i := range infos {
			fmt.Fprintf(w, "%s\topenid\t%s\t%s\t%s\n", i.KeyID, stamp(i.ActiveFrom), optStamp(i.RetiredAt), i.State)
		}
	} else {
		infos, err := svc.Auth.ListKeys(ctx, k.pool)
		if err != nil {
			return err
		}
		for _, i := range infos {
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", i.KeyID, i.Use, stamp(i.ActiveFrom), optStamp(i.RetiredAt), i.State)
		}
	}
	return w.Flush()
}

// allPoolIDs lists every user pool, in ID order.
func allPoolIDs(ctx context.Context, st store.Store) ([]string, error) {
	var ids []string
	page := store.Page{Limit: 100}
	for {
		recs, err := st.ListPools(ctx, page)
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			ids = append(ids, r.ID)
		}
		if len(recs) < page.Limit {
			return ids, nil
		}
		page.After = recs[len(recs)-1].ID
	}
}

func kidList(kids []string) string {
	if len(kids) == 0 {
		return "(none)"
	}
	return strings.Join(kids, ",")
}

func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339) }

func optStamp(t *time.Time) string {
	if t == nil {
		return "-"
	}
	return stamp(*t)
}
