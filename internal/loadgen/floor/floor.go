package floor

import (
	"crypto/rand"
	"errors"
	"flag"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/incognito-idp/incognito/internal/srp"
	"github.com/incognito-idp/incognito/internal/token"
)

// Work is the cryptography of one scenario's flow.
type Work struct {
	Scenario string
	What     string
	op       func(*fixture) error
}

// Works lists every scenario that has a floor, in the generator's order.
var Works = []Work{
	{"signup", "srp.NewVerifier", signupOp},
	{"password", "srp.CheckPassword + Sign(id) + Sign(access) + NewOpaque", passwordOp},
	{"srp", "NewServerState + ServerSessionKey + CheckSignature + Sign(id) + Sign(access) + NewOpaque", srpOp},
	{"refresh", "HashOpaque + Sign(id) + Sign(access)", refreshOp},
	{"getuser", "VerifyUse(access)", getUserOp},
	{"identity", "2 x VerifyUse(id)", identityOp},
}

// fixture is what the operations work on: a pool's keys, a user's
// verifier, a client's SRP_A and tokens to verify.
type fixture struct {
	keys            token.KeySet
	poolName, user  string
	password        string
	salt, verifier  []byte
	srpA            string
	secretBlock     []byte
	timestamp, sig  string
	idClaims        map[string]any
	accessClaims    map[string]any
	idToken, access string
	refresh         string
}

const (
	poolID   = "us-east-1_FloorPool"
	clientID = "1example23456789abcdefghij"
	issuer   = "http://127.0.0.1:9229/" + poolID
)

// newFixture makes fresh RSA keys (the slow part, once) and the rest.
func newFixture() (*fixture, error) {
	now := time.Now()
	idKey, err := token.GenerateKey(rand.Reader, token.UseID, now)
	if err != nil {
		return nil, err
	}
	accessKey, err := token.GenerateKey(rand.Reader, token.UseAccess, now)
	if err != nil {
		return nil, err
	}
	f := &fixture{poolName: srp.PoolName(poolID), user: "load-user-0000042", password: "Load-Test-Pass-1!"}
	if f.keys, err = token.NewKeySet([]token.Key{idKey, accessKey}, now); err != nil {
		return nil, err
	}
	if f.salt, f.verifier, err = srp.NewVerifier(rand.Reader, f.poolName, f.user, f.password); err != nil {
		return nil, err
	}
	cl, err := srp.NewClient(rand.Reader)
	if err != nil {
		return nil, err
	}
	f.srpA = cl.AHex()
	f.secretBlock = make([]byte, 256)
	f.timestamp = srp.FormatTimestamp(now)
	// Any well-formed signature costs the server the same to check; the
	// right one would need the b that NewServerState draws anew each time.
	f.sig = "aW5jb2duaXRvIGxvYWQgZ2VuZXJhdG9yIGZsb29yIGJlbmNobWFyay4uLi4="
	sub := "8f2c4d1e-0000-4000-8000-000000000042"
	f.idClaims = token.IDClaims(token.IDInput{
		Issuer: issuer, Sub: sub, ClientID: clientID, Username: f.user,
		IssuedAt: now, Expires: now.Add(time.Hour),
		JTI: "0e6f1a2b-1111-4222-8333-944445555666", OriginJTI: "1f7a2b3c-1111-4222-8333-944445555666",
		EventID: "2a8b3c4d-1111-4222-8333-944445555666",
	})
	f.accessClaims = token.AccessClaims(token.AccessInput{
		Issuer: issuer, Sub: sub, ClientID: clientID, Username: f.user,
		IssuedAt: now, Expires: now.Add(time.Hour),
		JTI: "3b9c4d5e-1111-4222-8333-944445555666", OriginJTI: "1f7a2b3c-1111-4222-8333-944445555666",
		EventID: "2a8b3c4d-1111-4222-8333-944445555666", Scope: "aws.cognito.signin.user.admin",
	})
	if f.idToken, err = f.keys.Sign(token.UseID, f.idClaims); err != nil {
		return nil, err
	}
	if f.access, err = f.keys.Sign(token.UseAccess, f.accessClaims); err != nil {
		return nil, err
	}
	f.refresh, _ = token.NewOpaque(rand.Reader)
	return f, nil
}

// mint is the token work every sign-in ends with.
func (f *fixture) mint() error {
	if _, err := f.keys.Sign(token.UseID, f.idClaims); err != nil {
		return err
	}
	_, err := f.keys.Sign(token.UseAccess, f.accessClaims)
	return err
}

func signupOp(f *fixture) error {
	_, _, err := srp.NewVerifier(rand.Reader, f.poolName, f.user, f.password)
	return err
}

func passwordOp(f *fixture) error {
	if !srp.CheckPassword(f.poolName, f.user, f.password, f.salt, f.verifier) {
		return errors.New("floor: password refused")
	}
	if err := f.mint(); err != nil {
		return err
	}
	token.NewOpaque(rand.Reader)
	return nil
}

func srpOp(f *fixture) error {
	st, err := srp.NewServerState(rand.Reader, f.verifier)
	if err != nil {
		return err
	}
	_ = srp.HexB(st)
	key, err := srp.ServerSessionKey(st, f.verifier, f.srpA)
	if err != nil {
		return err
	}
	srp.CheckSignature(key, f.poolName, f.user, f.secretBlock, f.timestamp, f.sig)
	if err := f.mint(); err != nil {
		return err
	}
	token.NewOpaque(rand.Reader)
	return nil
}

func refreshOp(f *fixture) error {
	token.HashOpaque(f.refresh)
	return f.mint()
}

func getUserOp(f *fixture) error {
	_, err := f.keys.VerifyUse(f.access, token.UseAccess, time.Now())
	return err
}

func identityOp(f *fixture) error {
	for range 2 {
		if _, err := f.keys.VerifyUse(f.idToken, token.UseID, time.Now()); err != nil {
			return err
		}
	}
	return nil
}

// Result is one floor.
type Result struct {
	Scenario string `json:"scenario"`
	What     string `json:"what"`
	Procs    int    `json:"procs"` // GOMAXPROCS: goroutines RunParallel used
	N        int    `json:"n"`     // operations of the final benchmark run
	// OpsPerSec is the wall-clock rate of the final run on all Procs
	// cores together: the flows per second a server doing nothing but
	// this cryptography would reach on this machine, as loaded as it was.
	OpsPerSec float64 `json:"ops_per_sec"`
	// CPUPerOp is the process CPU time (user + system) per operation over
	// every run testing.Benchmark made. Unlike OpsPerSec it does not
	// depend on what else the machine was doing.
	CPUPerOp float64 `json:"cpu_per_op_seconds"`
	// Cores is the CPU time over the wall time of the benchmark: below
	// Procs, other processes took cores from it and OpsPerSec is low.
	Cores float64 `json:"cores"`
}

// benchmark runs w on every core until benchtime has passed.
func benchmark(f *fixture, w Work) (Result, error) {
	var mu sync.Mutex
	var failure error
	var ops atomic.Int64 // over every run testing.Benchmark makes
	cpu0, wall0 := processCPU(), time.Now()
	r := testing.Benchmark(func(b *testing.B) {
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				if err := w.op(f); err != nil {
					mu.Lock()
					failure = err
					mu.Unlock()
					return
				}
				ops.Add(1)
			}
		})
	})
	cpu, wall := processCPU()-cpu0, time.Since(wall0)
	if failure != nil {
		return Result{}, fmt.Errorf("floor %s: %w", w.Scenario, failure)
	}
	if r.N == 0 || r.T <= 0 || ops.Load() == 0 {
		return Result{}, fmt.Errorf("floor %s: the benchmark did not run", w.Scenario)
	}
	procs := runtime.GOMAXPROCS(0)
	rate := float64(r.N) / r.T.Seconds()
	res := Result{Scenario: w.Scenario, What: w.What, Procs: procs, N: r.N, OpsPerSec: rate,
		CPUPerOp: float64(procs) / rate}
	if cpu > 0 {
		res.CPUPerOp = cpu.Seconds() / float64(ops.Load())
		res.Cores = cpu.Seconds() / wall.Seconds()
	}
	return res, nil
}

// Run measures the floors of the named scenarios (all of Works when
// scenarios is empty; names without a floor are skipped), each for about
// benchtime. It uses every core, so run it while the server is idle.
func Run(scenarios []string, benchtime time.Duration) ([]Result, error) {
	testing.Init()
	if benchtime > 0 {
		if err := flag.Set("test.benchtime", benchtime.String()); err != nil {
			return nil, err
		}
	}
	f, err := newFixture()
	if err != nil {
		return nil, err
	}
	var out []Result
	for _, w := range Works {
		if len(scenarios) > 0 && !contains(scenarios, w.Scenario) {
			continue
		}
		r, err := benchmark(f, w)
		if err != nil {
			return out, err
		}
		out = append(out, r)
	}
	return out, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
