package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/incognito-idp/incognito/internal/app"
	"github.com/incognito-idp/incognito/internal/authflow"
	"github.com/incognito-idp/incognito/internal/config"
	"github.com/incognito-idp/incognito/internal/identitypool"
	"github.com/incognito-idp/incognito/internal/secret"
	"github.com/incognito-idp/incognito/internal/store"
	"github.com/incognito-idp/incognito/internal/userpool"
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
	svc, err := openKeyServices(ctx, cfg)
	if err != nil {
		return err
	}
	defer svc.close()
	poolIDs := []string{k.pool}
	if k.pool == "" {
		poolIDs = nil
	}
	if k.all {
		if poolIDs, err = allPoolIDs(ctx, svc.store); err != nil {
			return err
		}
	}
	w := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	var errs []error
	for _, id := range poolIDs {
		rot, err := svc.auth.RotateKeys(ctx, id, k.activateAfter)
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
		rot, err := svc.identity.RotateOpenIDKeys(ctx, k.activateAfter)
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
	svc, err := openKeyServices(ctx, cfg)
	if err != nil {
		return err
	}
	defer svc.close()
	w := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "KID\tUSE\tACTIVE FROM\tRETIRED AT\tSTATE")
	if k.identity {
		infos, err := svc.identity.OpenIDKeys(ctx)
		if err != nil {
			return err
		}
		for _, i := range infos {
			fmt.Fprintf(w, "%s\topenid\t%s\t%s\t%s\n", i.KeyID, stamp(i.ActiveFrom), optStamp(i.RetiredAt), i.State)
		}
	} else {
		infos, err := svc.auth.ListKeys(ctx, k.pool)
		if err != nil {
			return err
		}
		for _, i := range infos {
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", i.KeyID, i.Use, stamp(i.ActiveFrom), optStamp(i.RetiredAt), i.State)
		}
	}
	return w.Flush()
}

// keyServices are the parts of Incognito the keys commands need, built as
// internal/app builds them for the server.
type keyServices struct {
	store    store.Store
	auth     *authflow.Service
	identity *identitypool.Service
}

func (s *keyServices) close() { _ = s.store.Close() }

// openKeyServices opens the store and the master key. Unlike serve it
// never makes a store or a master key: keys sealed with a new master key
// would be lost to every replica.
func openKeyServices(ctx context.Context, cfg config.Config) (*keyServices, error) {
	master, err := keysMasterKey(cfg)
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
	st, err := app.OpenStore(ctx, cfg)
	if err != nil {
		return nil, err
	}
	// The sealers' purposes are those of internal/app: keys sealed under
	// any other would not open.
	pools := userpool.New(userpool.Options{Store: st, Sealer: sealer.Derive(app.PurposeUserSecrets), Region: cfg.Region, AccountID: cfg.AccountID})
	auth := authflow.New(authflow.Options{Pools: pools, Store: st, Sealer: sealer.Derive(app.PurposeAuthSession),
		KeySealer: sealer.Derive(app.PurposeSigningKeys), Issuer: app.IssuerFunc(cfg)})
	ids := identitypool.New(identitypool.Options{Store: st, Sealer: sealer.Derive(app.PurposeIdentityKeys),
		Region: cfg.Region, AccountID: cfg.AccountID, Issuer: app.IdentityIssuer(cfg), UserPoolIssuer: app.IssuerFunc(cfg)})
	return &keyServices{store: st, auth: auth, identity: ids}, nil
}

// keysMasterKey is INCOGNITO_MASTER_KEY, or the key file in the data
// directory, which must exist.
func keysMasterKey(cfg config.Config) ([]byte, error) {
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
