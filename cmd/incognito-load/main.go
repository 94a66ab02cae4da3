// Command incognito-load measures a Cognito-compatible endpoint: Incognito,
// or a peer such as cognito-local, with the same scenarios and figures.
//
//	incognito-load -endpoint http://127.0.0.1:9229 -scenario all -concurrency 8 -duration 10s
//	incognito-load -scenario srp -rate 125 -duration 30s -floor
//
// It creates a user pool and app client (or reuses -pool/-client), puts
// -users users in the pool (through the admin API, or with -preload-store
// straight into an Incognito store), runs each scenario for -duration after
// a -warmup, prints throughput and latency percentiles, and deletes what it
// created unless -keep. With -floor it first measures, in-process, the
// cryptography each scenario costs the server, and reports every scenario
// as a ratio of that floor.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/incognito-idp/incognito/internal/loadgen"
	"github.com/incognito-idp/incognito/internal/loadgen/floor"
	"github.com/incognito-idp/incognito/internal/loadgen/preload"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	o, f, err := parseFlags(args, getenv, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		fmt.Fprintln(stderr, "incognito-load:", err)
		return 2
	}
	if !f.quiet {
		o.Log = stderr
	}
	if f.cpuProfile != "" {
		stop, err := startCPUProfile(f.cpuProfile)
		if err != nil {
			fmt.Fprintln(stderr, "incognito-load:", err)
			return 1
		}
		defer stop()
	}

	var floors []loadgen.Floor
	if f.floor {
		// Before the load, while the server is idle: the floor uses every core.
		fmt.Fprintf(stderr, "measuring the crypto floor (%v per scenario)\n", f.floorTime)
		res, err := floor.Run(nil, f.floorTime)
		if err != nil {
			fmt.Fprintln(stderr, "incognito-load:", err)
			return 1
		}
		for _, r := range res {
			floors = append(floors, loadgen.Floor{Scenario: r.Scenario, What: r.What, Procs: r.Procs,
				CPUPerOpMs: r.CPUPerOp * 1000, OpsPerSec: float64(r.Procs) / r.CPUPerOp,
				WallOpsPerSec: r.OpsPerSec, Cores: r.Cores})
		}
	}

	rep, err := loadgen.Run(ctx, o)
	if rep != nil {
		rep.AddFloors(floors)
		if f.json {
			if werr := rep.WriteJSON(stdout); werr != nil && err == nil {
				err = werr
			}
		} else {
			rep.WriteText(stdout)
		}
	}
	if err != nil {
		fmt.Fprintln(stderr, "incognito-load:", err)
		return 1
	}
	return 0
}

// flags are the command's own settings, beside loadgen.Options.
type flags struct {
	floor     bool
	floorTime time.Duration
	json      bool
	quiet     bool
	// cpuProfile, when set, is a file that receives a CPU profile of the
	// generator itself (a hidden flag, for work on the generator).
	cpuProfile string
}

// cpuProfileFlag names the hidden flag that profiles the generator.
const cpuProfileFlag = "cpuprofile"

func parseFlags(args []string, getenv func(string) string, stderr io.Writer) (loadgen.Options, flags, error) {
	o := loadgen.Defaults()
	var f flags
	fs := flag.NewFlagSet("incognito-load", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: incognito-load [flags]\n\nScenarios: %s, or all.\n\nFlags:\n", strings.Join(loadgen.ScenarioNames, ", "))
		printVisibleDefaults(fs, stderr, cpuProfileFlag)
	}
	scenarios := strings.Join(o.Scenarios, ",")
	var preloadStore string
	fs.StringVar(&o.Endpoint, "endpoint", o.Endpoint, "the Cognito-compatible endpoint to load (loopback only unless -allow-remote); "+
		"several comma-separated replicas of one server take requests in turn")
	fs.BoolVar(&o.AllowRemote, "allow-remote", false, "allow an endpoint that is not a loopback address")
	fs.StringVar(&o.Region, "region", o.Region, "region for SigV4 and the identity-pool provider name")
	fs.StringVar(&o.AccessKey, "access-key", o.AccessKey, "access key ID that signs administrator calls")
	fs.StringVar(&o.SecretKey, "secret-key", o.SecretKey, "secret access key that signs administrator calls")
	fs.StringVar(&scenarios, "scenario", scenarios, "scenarios to run, comma-separated: "+strings.Join(loadgen.ScenarioNames, " | ")+" | all")
	fs.IntVar(&o.Concurrency, "concurrency", 0, "closed loop: flows in flight (default 8 when -rate is not given)")
	fs.Float64Var(&o.Rate, "rate", 0, "open loop: flows started per second, whatever the answers (instead of -concurrency)")
	fs.IntVar(&o.MaxInFlight, "max-inflight", o.MaxInFlight, "open loop: flows in flight at most; flows due beyond it are dropped and counted")
	fs.DurationVar(&o.Duration, "duration", o.Duration, "measured time per scenario")
	fs.DurationVar(&o.Warmup, "warmup", o.Warmup, "unmeasured time before each scenario")
	fs.Int64Var(&o.MaxFlows, "max-flows", o.MaxFlows, "measured flows per scenario at most")
	fs.DurationVar(&o.Timeout, "timeout", o.Timeout, "per-request timeout")
	fs.IntVar(&o.Users, "users", o.Users, "users the pool must hold ("+o.UserPrefix+"0000000 ...), created before measuring if missing")
	fs.StringVar(&o.UserPrefix, "user-prefix", o.UserPrefix, "name prefix of the load users")
	fs.StringVar(&o.Password, "password", o.Password, "password of the load users")
	fs.IntVar(&o.PreloadConcurrency, "preload-concurrency", o.PreloadConcurrency, "users created in parallel before measuring")
	fs.StringVar(&preloadStore, "preload-store", "", "Incognito only: create users in-process straight into its store, sqlite:<data dir> or postgres://... "+
		"(master key from INCOGNITO_MASTER_KEY or the data directory's master.key; INCOGNITO_DATA names it for PostgreSQL)")
	fs.StringVar(&o.PoolID, "pool", "", "reuse this user pool (with -client)")
	fs.StringVar(&o.ClientID, "client", "", "reuse this app client; it must allow the scenarios' flows")
	fs.StringVar(&o.ClientSecret, "client-secret", "", "the secret of -client, if it has one (for SECRET_HASH)")
	fs.StringVar(&o.IdentityPoolID, "identity-pool", "", "reuse this identity pool, which must trust the user pool's client")
	fs.IntVar(&o.Sessions, "sessions", o.Sessions, "signed-in users the refresh, getuser and identity scenarios cycle through")
	fs.IntVar(&o.SRPABits, "srp-a-bits", o.SRPABits, "bits of the SRP client's secret a: 256 is cheapest for the generator, 1024 is what amplify draws")
	fs.BoolVar(&o.Keep, "keep", false, "keep the user and identity pools created for the run")
	var serverPIDs string
	fs.StringVar(&serverPIDs, "server-pid", "", "process ID of a local server, to report its CPU time from /proc (comma-separated for replicas: their sum)")
	fs.BoolVar(&f.floor, "floor", false, "measure the crypto floor in-process first and report each scenario as a ratio of it")
	fs.DurationVar(&f.floorTime, "floor-time", time.Second, "time per crypto floor benchmark")
	fs.BoolVar(&f.json, "json", false, "print the report as JSON")
	fs.BoolVar(&f.quiet, "quiet", false, "no progress lines on stderr")
	fs.StringVar(&f.cpuProfile, cpuProfileFlag, "", "write a CPU profile of the generator to this file")
	if err := fs.Parse(args); err != nil {
		return o, f, err
	}
	if fs.NArg() > 0 {
		return o, f, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	o.Scenarios = strings.Split(scenarios, ",")
	for _, p := range strings.Split(serverPIDs, ",") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		pid, err := strconv.Atoi(p)
		if err != nil || pid <= 0 {
			return o, f, fmt.Errorf("-server-pid %q: want process IDs", serverPIDs)
		}
		o.ServerPIDs = append(o.ServerPIDs, pid)
	}
	if preloadStore != "" {
		p := &preload.Store{DSN: preloadStore, MasterKey: getenv("INCOGNITO_MASTER_KEY"),
			DataDir: getenv("INCOGNITO_DATA"), Workers: o.PreloadConcurrency}
		if !f.quiet {
			p.Log = stderr
		}
		o.Preloader = p
	}
	return o, f, nil
}

// printVisibleDefaults prints the flags' defaults as PrintDefaults does,
// less the hidden ones.
func printVisibleDefaults(fs *flag.FlagSet, w io.Writer, hidden ...string) {
	var all strings.Builder
	fs.SetOutput(&all)
	fs.PrintDefaults()
	fs.SetOutput(w)
	skip := false
	for _, line := range strings.SplitAfter(all.String(), "\n") {
		if name, ok := strings.CutPrefix(line, "  -"); ok {
			name, _, _ = strings.Cut(strings.TrimSpace(name), " ")
			skip = slices.Contains(hidden, name)
		}
		if !skip {
			_, _ = io.WriteString(w, line)
		}
	}
}

// startCPUProfile profiles the generator's CPU into path until stop.
func startCPUProfile(path string) (stop func(), err error) {
	out, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(out); err != nil {
		out.Close()
		return nil, err
	}
	return func() {
		pprof.StopCPUProfile()
		out.Close()
	}, nil
}
