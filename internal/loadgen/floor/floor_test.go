package floor

import (
	"testing"
	"time"
)

// BenchmarkFloor runs the same work as Run, for `go test -bench Floor`.
func BenchmarkFloor(b *testing.B) {
	f, err := newFixture()
	if err != nil {
		b.Fatal(err)
	}
	for _, w := range Works {
		b.Run(w.Scenario, func(b *testing.B) {
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					if err := w.op(f); err != nil {
						b.Error(err)
						return
					}
				}
			})
		})
	}
}

// TestOperations runs every floor's work once: each must succeed, so a
// floor never silently measures an early failure.
func TestOperations(t *testing.T) {
	f, err := newFixture()
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range Works {
		if err := w.op(f); err != nil {
			t.Errorf("%s: %v", w.Scenario, err)
		}
	}
	// A wrong password must make the password work fail.
	f.password = "Wrong-Pass-1!"
	if err := passwordOp(f); err == nil {
		t.Error("password floor accepted a wrong password")
	}
}

func TestRun(t *testing.T) {
	res, err := Run([]string{"getuser", "refresh", "listusers"}, 50*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 2 || res[0].Scenario != "refresh" || res[1].Scenario != "getuser" {
		t.Fatalf("got %+v, want refresh and getuser (listusers has no floor)", res)
	}
	for _, r := range res {
		if r.N <= 0 || r.OpsPerSec <= 0 || r.Procs <= 0 || r.CPUPerOp <= 0 || r.Cores <= 0 || r.Cores > float64(r.Procs)+0.5 {
			t.Errorf("%s: empty result %+v", r.Scenario, r)
		}
	}
	// Verification is some twenty times cheaper than signing two tokens,
	// so the order of the two figures says each floor ran its own work.
	if res[1].CPUPerOp >= res[0].CPUPerOp {
		t.Errorf("verifying one token (%v CPU) is not cheaper than signing two (%v)", res[1].CPUPerOp, res[0].CPUPerOp)
	}
}
