package loadgen

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"slices"
	"strings"
	"time"
)

// Options configure a run. Zero values take the defaults of Defaults.
type Options struct {
	// Endpoint is e.g. http://127.0.0.1:9229, or several comma-separated
	// endpoints (replicas of one server) that take requests in turn.
	Endpoint  string
	Region    string
	AccessKey string // admin keys for SigV4-signed operations
	SecretKey string
	// AllowRemote permits an endpoint that is not a loopback address.
	AllowRemote bool

	Scenarios []string // names from ScenarioNames; "all" means all of them

	// Exactly one of Concurrency (closed loop: that many flows in flight,
	// each starting when the previous one ends) and Rate (open loop: flows
	// start at Rate per second whatever the answers) drives the run.
	Concurrency int
	Rate        float64
	MaxInFlight int // open loop: flows in flight at most; more are dropped

	Duration time.Duration // measured time per scenario
	Warmup   time.Duration // unmeasured time before it
	MaxFlows int64         // flows per scenario at most
	Timeout  time.Duration // per request

	// Users is how many users the pool must hold (UserPrefix + 7 digits,
	// all with Password). Missing ones are created before measuring, by
	// Preloader when set, else through the admin API.
	Users              int
	UserPrefix         string
	Password           string
	PreloadConcurrency int
	Preloader          Preloader

	// PoolID and ClientID reuse an existing pool and app client (which
	// must allow the flows of the scenarios run); empty creates both.
	PoolID       string
	ClientID     string
	ClientSecret string // of ClientID, for SECRET_HASH
	// IdentityPoolID reuses an identity pool that trusts the user pool.
	IdentityPoolID string

	Sessions int  // signed-in users the refresh, getuser and identity scenarios cycle through
	SRPABits int  // size of the SRP client's secret a (256 .. 1024)
	Keep     bool // keep the pools the run created

	// ServerPIDs, when set, are the server's processes (one per replica):
	// their CPU time is read from /proc/<pid>/stat and added up.
	ServerPIDs []int
	Log        io.Writer // progress lines; nil discards them
}

// Preloader writes users straight into a server's storage.
type Preloader interface {
	// Describe says how users are written, for the report.
	Describe() string
	// Preload makes sure users name(first) .. name(first+n-1) exist in
	// poolID with password, confirmed, and returns how many it created.
	Preload(ctx context.Context, poolID string, first, n int, name func(int) string, password string) (int, error)
}

// Defaults are the options' default values.
func Defaults() Options {
	return Options{
		Endpoint:           "http://127.0.0.1:9229",
		Region:             "us-east-1",
		AccessKey:          "AKIAINCOGNITOLOAD000",
		SecretKey:          "incognito-load-generator-secret-key-000",
		Scenarios:          []string{"all"},
		Concurrency:        0,
		MaxInFlight:        1024,
		Duration:           10 * time.Second,
		Warmup:             time.Second,
		MaxFlows:           10_000_000,
		Timeout:            10 * time.Second,
		Users:              1000,
		UserPrefix:         "load-user-",
		Password:           "Load-Test-Pass-1!",
		PreloadConcurrency: 8,
		Sessions:           64,
		SRPABits:           256,
	}
}

// withDefaults fills zero values from Defaults and checks the result.
func (o Options) withDefaults() (Options, error) {
	d := Defaults()
	setStr := func(p *string, def string) {
		if *p == "" {
			*p = def
		}
	}
	setStr(&o.Endpoint, d.Endpoint)
	setStr(&o.Region, d.Region)
	setStr(&o.AccessKey, d.AccessKey)
	setStr(&o.SecretKey, d.SecretKey)
	setStr(&o.UserPrefix, d.UserPrefix)
	setStr(&o.Password, d.Password)
	if len(o.Scenarios) == 0 {
		o.Scenarios = d.Scenarios
	}
	if o.MaxInFlight <= 0 {
		o.MaxInFlight = d.MaxInFlight
	}
	if o.Duration <= 0 {
		o.Duration = d.Duration
	}
	if o.Warmup < 0 {
		o.Warmup = 0
	}
	if o.MaxFlows <= 0 {
		o.MaxFlows = d.MaxFlows
	}
	if o.Timeout <= 0 {
		o.Timeout = d.Timeout
	}
	if o.PreloadConcurrency <= 0 {
		o.PreloadConcurrency = d.PreloadConcurrency
	}
	if o.Sessions <= 0 {
		o.Sessions = d.Sessions
	}
	if o.SRPABits == 0 {
		o.SRPABits = d.SRPABits
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
	var errs []error
	switch {
	case o.Concurrency > 0 && o.Rate > 0:
		errs = append(errs, errors.New("give either a concurrency or a rate, not both"))
	case o.Concurrency <= 0 && o.Rate <= 0:
		o.Concurrency = 8
	}
	if o.Users < 0 {
		errs = append(errs, errors.New("users must not be negative"))
	}
	if o.SRPABits < 256 || o.SRPABits > 1024 || o.SRPABits%8 != 0 {
		errs = append(errs, errors.New("the SRP client secret must have 256 to 1024 bits, in whole bytes"))
	}
	if (o.PoolID == "") != (o.ClientID == "") {
		errs = append(errs, errors.New("give both a pool and an app client to reuse, or neither"))
	}
	names, err := expandScenarios(o.Scenarios)
	if err != nil {
		errs = append(errs, err)
	}
	o.Scenarios = names
	if err := checkEndpoint(o.Endpoint, o.AllowRemote); err != nil {
		errs = append(errs, err)
	}
	return o, errors.Join(errs...)
}

// expandScenarios resolves "all" and checks the names.
func expandScenarios(in []string) ([]string, error) {
	var out []string
	for _, s := range in {
		for _, name := range strings.Split(s, ",") {
			name = strings.TrimSpace(name)
			switch {
			case name == "":
			case name == "all":
				for _, n := range ScenarioNames {
					if !slices.Contains(out, n) {
						out = append(out, n)
					}
				}
			case slices.Contains(ScenarioNames, name):
				if !slices.Contains(out, name) {
					out = append(out, name)
				}
			default:
				return nil, fmt.Errorf("unknown scenario %q (have %s, all)", name, strings.Join(ScenarioNames, ", "))
			}
		}
	}
	if len(out) == 0 {
		return nil, errors.New("no scenario given")
	}
	return out, nil
}

// checkEndpoint refuses anything but loopback hosts unless allowed: a
// load test is not something to point at a shared or paid service by
// mistake. endpoint may list several, comma-separated.
func checkEndpoint(endpoint string, allowRemote bool) error {
	eps := splitEndpoints(endpoint)
	if len(eps) == 0 {
		return fmt.Errorf("endpoint %q is not an http(s) URL", endpoint)
	}
	var errs []error
	for _, ep := range eps {
		errs = append(errs, checkOneEndpoint(ep, allowRemote))
	}
	return errors.Join(errs...)
}

func checkOneEndpoint(endpoint string, allowRemote bool) error {
	u, err := url.Parse(endpoint)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("endpoint %q is not an http(s) URL", endpoint)
	}
	if allowRemote {
		return nil
	}
	host := u.Hostname()
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("endpoint %s is not a loopback address (pass -allow-remote to load it anyway)", endpoint)
}
