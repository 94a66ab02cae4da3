package sqlite

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/incognito-idp/incognito/internal/store"
)

// crashDBEnv tells the test binary it runs as the child of
// TestAcknowledgedWritesSurviveKill, and where the database is.
const crashDBEnv = "INCOGNITO_SQLITE_CRASH_CHILD_DB"

// TestAcknowledgedWritesSurviveKill runs a child process that writes as
// fast as it can and prints every write it got an answer for, kills it with
// SIGKILL mid-stream, and checks that the reopened file holds every
// acknowledged write.
func TestAcknowledgedWritesSurviveKill(t *testing.T) {
	if os.Getenv(crashDBEnv) != "" {
		t.Skip("this is the child process")
	}
	path := filepath.Join(t.TempDir(), "crash.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashDBEnv+"="+path)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	timer := time.AfterFunc(2*time.Minute, func() { _ = cmd.Process.Kill() })
	defer timer.Stop()

	var acked []string
	var counter int
	killed := false
	lines := bufio.NewScanner(out)
	for lines.Scan() {
		verb, arg, _ := strings.Cut(lines.Text(), " ")
		switch verb {
		case "user":
			acked = append(acked, arg)
		case "counter":
			if counter, err = strconv.Atoi(arg); err != nil {
				t.Fatalf("child printed %q", lines.Text())
			}
		default: // the testing package's own output, if any
			continue
		}
		if !killed && len(acked) >= 300 {
			// Process.Kill is SIGKILL on Unix: no deferred function, no
			// flush, no Close runs in the child.
			if err := cmd.Process.Kill(); err != nil {
				t.Fatal(err)
			}
			killed = true
		}
	}
	if err := cmd.Wait(); err == nil || !killed {
		t.Fatalf("child ended on its own (err %v) after %d acknowledged users", err, len(acked))
	}

	s, err := Open(t.Context(), path)
	if err != nil {
		t.Fatalf("reopen after kill: %v", err)
	}
	defer s.Close()
	var check string
	if err := s.r.QueryRowContext(t.Context(), "PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check = %q, %v", check, err)
	}
	for _, key := range acked {
		if _, err := s.GetUser(t.Context(), "crash", key); err != nil {
			t.Errorf("acknowledged user %q: %v", key, err)
		}
	}
	u, err := s.GetUser(t.Context(), "crash", "counter")
	if err != nil {
		t.Fatalf("counter user: %v", err)
	}
	if n, _ := strconv.Atoi(u.Attributes["n"]); n < counter {
		t.Errorf("counter = %d, but %d was acknowledged", n, counter)
	}
	t.Logf("%d acknowledged users and counter %d survived the kill", len(acked), counter)
}

// TestCrashChild is the child of TestAcknowledgedWritesSurviveKill; run on
// its own it skips. It writes until killed and prints "user <key>" after
// each CreateUser and "counter <n>" after each UpdateUser returns nil.
func TestCrashChild(t *testing.T) {
	path := os.Getenv(crashDBEnv)
	if path == "" {
		t.Skip("runs only as the child of TestAcknowledgedWritesSurviveKill")
	}
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.CreatePool(ctx, store.PoolRecord{ID: "crash", Name: "crash"}); err != nil {
		t.Fatal(err)
	}
	counter := store.UserRecord{PoolID: "crash", Key: "counter", Attributes: map[string]string{"n": "0"}}
	if err := s.CreateUser(ctx, counter); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex // one line at a time on stdout
	say := func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		fmt.Fprintf(os.Stdout, format+"\n", args...)
	}
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := 0; ; i++ {
				key := fmt.Sprintf("w%d-%06d", w, i)
				u := store.UserRecord{PoolID: "crash", Key: key, Username: key, Claims: []string{"c:" + key},
					Attributes: map[string]string{"email": key + "@example.com"}, Data: []byte(key)}
				if err := s.CreateUser(ctx, u); err != nil {
					panic(err)
				}
				say("user %s", key)
			}
		})
	}
	wg.Go(func() {
		for {
			var n int
			err := s.UpdateUser(ctx, "crash", "counter", func(u store.UserRecord) (store.UserRecord, error) {
				n, _ = strconv.Atoi(u.Attributes["n"])
				n++
				u.Attributes["n"] = strconv.Itoa(n)
				return u, nil
			})
			if err != nil {
				panic(err)
			}
			say("counter %d", n)
		}
	})
	wg.Wait()
}
