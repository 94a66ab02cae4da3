package config

import (
	"strings"
	"testing"
)

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestParse(t *testing.T) {
	cases := []struct {
		name    string
		args    []string
		env     map[string]string
		check   func(t *testing.T, c Config)
		wantErr string
	}{
		{name: "defaults", check: func(t *testing.T, c Config) {
			if c.Addr != "127.0.0.1:9229" || c.DataDir != "./incognito-data" || c.Region != "us-east-1" || c.AccountID != "000000000000" {
				t.Fatalf("defaults %+v", c)
			}
			if c.PublicURL != "http://127.0.0.1:9229" || !c.DevMode() {
				t.Fatalf("public URL %q dev %v", c.PublicURL, c.DevMode())
			}
		}},
		{name: "environment", env: map[string]string{"INCOGNITO_ADDR": "127.0.0.1:9000", "INCOGNITO_REGION": "eu-west-1", "INCOGNITO_MASTER_KEY": "k"},
			check: func(t *testing.T, c Config) {
				if c.Addr != "127.0.0.1:9000" || c.Region != "eu-west-1" || c.MasterKey != "k" || c.PublicURL != "http://127.0.0.1:9000" {
					t.Fatalf("%+v", c)
				}
			}},
		{name: "flags win over environment", args: []string{"--region", "ap-south-1", "--public-url", "https://id.example.com/"},
			env: map[string]string{"INCOGNITO_REGION": "eu-west-1"},
			check: func(t *testing.T, c Config) {
				if c.Region != "ap-south-1" || c.PublicURL != "https://id.example.com" {
					t.Fatalf("%+v", c)
				}
			}},
		{name: "keys allow a public address", args: []string{"--addr", "0.0.0.0:9229", "--admin-access-key-id", "AKID", "--admin-secret-access-key", "s"},
			check: func(t *testing.T, c Config) {
				if c.DevMode() {
					t.Fatal("keys configured but dev mode")
				}
			}},
		{name: "no keys refuses a public address", args: []string{"--addr", "0.0.0.0:9229"}, wantErr: "refusing to listen on 0.0.0.0:9229 without admin keys"},
		{name: "debug address on loopback", args: []string{"--debug-addr", "127.0.0.1:6060"},
			check: func(t *testing.T, c Config) {
				if c.DebugAddr != "127.0.0.1:6060" {
					t.Fatalf("debug addr %q", c.DebugAddr)
				}
			}},
		{name: "debug address from the environment", env: map[string]string{"INCOGNITO_DEBUG_ADDR": "localhost:6060"},
			check: func(t *testing.T, c Config) {
				if c.DebugAddr != "localhost:6060" {
					t.Fatalf("debug addr %q", c.DebugAddr)
				}
			}},
		{name: "debug address off by default", check: func(t *testing.T, c Config) {
			if c.DebugAddr != "" {
				t.Fatalf("debug addr %q", c.DebugAddr)
			}
		}},
		{name: "debug address refused off loopback, even with admin keys",
			args:    []string{"--debug-addr", "0.0.0.0:6060", "--admin-access-key-id", "AKID", "--admin-secret-access-key", "s"},
			wantErr: "refusing to serve profiles on 0.0.0.0:6060"},
		{name: "debug address without a port", args: []string{"--debug-addr", "127.0.0.1"}, wantErr: "--debug-addr must be a loopback address"},
		{name: "half a key pair", args: []string{"--admin-access-key-id", "AKID"}, wantErr: "go together"},
		{name: "every problem at once", args: []string{"--region", "mars", "--account-id", "12", "--issuer-style", "gcp", "--database-url", "mysql://x"},
			wantErr: "--region"},
		{name: "bad smtp url", args: []string{"--smtp-url", "http://mail"}, wantErr: "--smtp-url"},
		{name: "stray argument", args: []string{"extra"}, wantErr: "unexpected argument"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, err := Parse("incognito", tc.args, env(tc.env))
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tc.check(t, c)
		})
	}
}

func TestValidateReportsEveryProblem(t *testing.T) {
	_, err := Parse("incognito", []string{"--region", "mars", "--account-id", "12", "--log-format", "xml"}, env(nil))
	for _, want := range []string{"--region", "--account-id", "--log-format"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v lacks %s", err, want)
		}
	}
}

func TestIsLoopback(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:1": true, "localhost:1": true, "[::1]:1": true, "127.1.2.3:1": true,
		"0.0.0.0:1": false, ":9229": false, "10.0.0.1:1": false, "example.com:1": false, "nonsense": false,
	} {
		if got := IsLoopback(addr); got != want {
			t.Errorf("IsLoopback(%q) = %v", addr, got)
		}
	}
}
