package main

import (
	"context"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// freeAddr is a loopback address nothing listens on (for a moment).
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// TestServeDebugAddr: --debug-addr serves the profiles on a listener of its
// own while the server runs; a public address is refused before anything
// starts.
func TestServeDebugAddr(t *testing.T) {
	addr, debug := freeAddr(t), freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--addr", addr, "--data", t.TempDir(), "--debug-addr", debug},
			func(string) string { return "" }, &stdout, &stderr)
	}()
	deadline := time.Now().Add(20 * time.Second)
	for {
		resp, err := http.Get("http://" + debug + "/debug/pprof/")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("no profiles at %s: %v\n%s", debug, err, stderr.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("serve exited %d\n%s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "serving pprof profiles") {
		t.Errorf("start-up log does not say where the profiles are:\n%s", stderr.String())
	}

	var out, errOut syncBuffer
	code := run(context.Background(), []string{"serve", "--addr", freeAddr(t), "--data", t.TempDir(), "--debug-addr", "0.0.0.0:6060"},
		func(string) string { return "" }, &out, &errOut)
	if code == 0 || !strings.Contains(errOut.String(), "--debug-addr must be a loopback address") {
		t.Errorf("public debug address: exit %d, %s", code, errOut.String())
	}
}
