package userpool

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
)

func TestIDsLookLikeCognitos(t *testing.T) {
	env := newPoolTestEnv(t)
	checks := []struct {
		name string
		make func() (string, error)
		re   *regexp.Regexp
	}{
		{"pool ID", env.svc.newPoolID, regexp.MustCompile(`^us-east-1_[A-Za-z0-9]{9}$`)},
		{"client ID", env.svc.newClientID, regexp.MustCompile(`^[a-z0-9]{26}$`)},
		{"client secret", env.svc.newClientSecret, regexp.MustCompile(`^[a-z0-9]{51}$`)},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			seen := map[string]bool{}
			for range 50 {
				id, err := c.make()
				if err != nil {
					t.Fatal(err)
				}
				if !c.re.MatchString(id) {
					t.Fatalf("%q does not match %s", id, c.re)
				}
				if seen[id] {
					t.Fatalf("%q drawn twice", id)
				}
				seen[id] = true
			}
		})
	}
}

func TestRandomStringRejectsBiasedBytes(t *testing.T) {
	// 36 letters: bytes from 252 (= 256 - 256%36) up would favour the first
	// four letters, so they are skipped.
	src := bytes.NewReader(append(bytes.Repeat([]byte{255, 252}, 3), 0, 1, 35, 36, 71, 0)) // 36 wraps to a
	got, err := randomString(src, alnumLower, 4)
	if err != nil {
		t.Fatal(err)
	}
	if got != "ab9a" {
		t.Errorf("randomString = %q, want %q", got, "ab9a")
	}
	if _, err := randomString(strings.NewReader("x"), alnumLower, 4); err == nil {
		t.Error("a short random source should fail, not return a short ID")
	}
}

func TestFixedIDs(t *testing.T) {
	env := newPoolTestEnv(t)
	pools := []struct {
		id string
		ok bool
	}{
		{"us-east-1_AbC123xyz", true},
		{"us-east-1_a", true},
		{"eu-west-1_AbC123xyz", false}, // another region than the server's
		{"us-east-1AbC123xyz", false},
		{"us-east-1_AbC-123", false},
		{"us-east-1_", false},
		{"us-east-1_" + strings.Repeat("a", 41), false},
	}
	for _, c := range pools {
		if err := env.svc.checkFixedPoolID(c.id); (err == nil) != c.ok {
			t.Errorf("checkFixedPoolID(%q) = %v, want ok=%v", c.id, err, c.ok)
		}
	}
	clients := []struct {
		id string
		ok bool
	}{
		{"2n1lel48549hho97cvcdbra0ae", true},
		{"quickstart_client+1", true},
		{"", false},
		{"has space", false},
		{"dash-ed", false},
		{strings.Repeat("a", 129), false},
	}
	for _, c := range clients {
		if err := checkFixedClientID(c.id); (err == nil) != c.ok {
			t.Errorf("checkFixedClientID(%q) = %v, want ok=%v", c.id, err, c.ok)
		}
	}
}
