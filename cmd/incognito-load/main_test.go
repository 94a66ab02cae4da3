package main

import (
	"context"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/incognito-idp/incognito/internal/loadgen/preload"
)

func TestParseFlags(t *testing.T) {
	env := map[string]string{"INCOGNITO_MASTER_KEY": "k", "INCOGNITO_DATA": "/srv/incognito"}
	o, f, err := parseFlags([]string{
		"-endpoint", "http://127.0.0.1:9339", "-scenario", "srp,refresh", "-rate", "125", "-duration", "30s",
		"-users", "10000", "-preload-store", "sqlite:/srv/incognito", "-pool", "us-east-1_P", "-client", "c",
		"-srp-a-bits", "1024", "-floor", "-floor-time", "2s", "-json", "-server-pid", "42",
	}, func(k string) string { return env[k] }, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if o.Endpoint != "http://127.0.0.1:9339" || strings.Join(o.Scenarios, ",") != "srp,refresh" || o.Rate != 125 ||
		o.Concurrency != 0 || o.Duration != 30*time.Second || o.Users != 10000 || o.PoolID != "us-east-1_P" ||
		o.ClientID != "c" || o.SRPABits != 1024 || !slices.Equal(o.ServerPIDs, []int{42}) {
		t.Errorf("options %+v", o)
	}
	if !f.floor || f.floorTime != 2*time.Second || !f.json {
		t.Errorf("flags %+v", f)
	}
	p, ok := o.Preloader.(*preload.Store)
	if !ok || p.DSN != "sqlite:/srv/incognito" || p.MasterKey != "k" || p.DataDir != "/srv/incognito" {
		t.Errorf("preloader %#v", o.Preloader)
	}
	if _, _, err := parseFlags([]string{"extra"}, func(string) string { return "" }, io.Discard); err == nil {
		t.Error("a stray argument was accepted")
	}
	o, _, err = parseFlags([]string{"-endpoint", "http://127.0.0.1:9339,http://127.0.0.1:9340", "-server-pid", "41, 42"},
		func(string) string { return "" }, io.Discard)
	if err != nil || !slices.Equal(o.ServerPIDs, []int{41, 42}) || o.Endpoint != "http://127.0.0.1:9339,http://127.0.0.1:9340" {
		t.Errorf("replicas: %v, pids %v, endpoint %q", err, o.ServerPIDs, o.Endpoint)
	}
	if _, _, err := parseFlags([]string{"-server-pid", "41,x"}, func(string) string { return "" }, io.Discard); err == nil {
		t.Error("a bad process ID was accepted")
	}
}

func TestRunRefusesBadOptions(t *testing.T) {
	var stderr strings.Builder
	code := run(context.Background(), []string{"-rate", "5", "-concurrency", "2", "-quiet"},
		func(string) string { return "" }, io.Discard, &stderr)
	if code == 0 || !strings.Contains(stderr.String(), "not both") {
		t.Errorf("exit %d, stderr %q", code, stderr.String())
	}
}

// TestCPUProfileFlag: -cpuprofile profiles the generator, and the usage
// text leaves it out.
func TestCPUProfileFlag(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cpu.prof")
	_, f, err := parseFlags([]string{"-cpuprofile", path}, func(string) string { return "" }, io.Discard)
	if err != nil || f.cpuProfile != path {
		t.Fatalf("flags %+v, %v", f, err)
	}
	stop, err := startCPUProfile(f.cpuProfile)
	if err != nil {
		t.Fatal(err)
	}
	stop()
	if st, err := os.Stat(path); err != nil || st.Size() == 0 {
		t.Errorf("profile %v, %v", st, err)
	}
	var usage strings.Builder
	if _, _, err := parseFlags([]string{"-h"}, func(string) string { return "" }, &usage); !errors.Is(err, flag.ErrHelp) {
		t.Fatalf("-h: %v", err)
	}
	if strings.Contains(usage.String(), "cpuprofile") || !strings.Contains(usage.String(), "-quiet") ||
		!strings.Contains(usage.String(), "-endpoint string") {
		t.Errorf("usage:\n%s", usage.String())
	}
}
