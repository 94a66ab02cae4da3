package storetest

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/incognito-idp/incognito/internal/store"
)

// testConcurrentUpdates increments a counter attribute from many goroutines
// at once: an update function always sees the latest committed row, so no
// increment is lost and no update fails.
func testConcurrentUpdates(t *testing.T, s store.Store) {
	ctx := t.Context()
	pool := newPool(t, s)
	createUsers(t, s, newUser(pool, "counter", "custom:n", "0"))
	const workers, increments = 20, 10
	var wg sync.WaitGroup
	errs := make(chan error, workers*increments)
	for range workers {
		wg.Go(func() {
			for range increments {
				errs <- s.UpdateUser(ctx, pool, "counter", func(u store.UserRecord) (store.UserRecord, error) {
					n, err := strconv.Atoi(u.Attributes["custom:n"])
					if err != nil {
						return u, err
					}
					u.Attributes["custom:n"] = strconv.Itoa(n + 1)
					u.Data = fmt.Appendf(nil, "%d", n+1)
					return u, nil
				})
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatalf("UpdateUser: %v", err)
		}
	}
	u := mustGetUser(t, s, pool, "counter")
	if want := strconv.Itoa(workers * increments); u.Attributes["custom:n"] != want || string(u.Data) != want {
		t.Errorf("counter = %q, data = %q; want %s: updates were lost", u.Attributes["custom:n"], u.Data, want)
	}
}

// testConcurrentClaims races users for one claim: exactly one wins, every
// other gets a conflict naming the winner.
func testConcurrentClaims(t *testing.T, s store.Store) {
	ctx := t.Context()
	pool := newPool(t, s)
	createUsers(t, s, newUser(pool, "existing"))
	const n = 10
	var wg sync.WaitGroup
	results := make([]error, 2*n)
	for i := range n {
		wg.Go(func() { // half create new users with the claim...
			u := newUser(pool, fmt.Sprintf("new%02d", i))
			u.Claims = append(u.Claims, "email:race@example.com")
			results[i] = s.CreateUser(ctx, u)
		})
		wg.Go(func() { // ...half try to add it to an existing one
			results[n+i] = s.UpdateUser(ctx, pool, "existing", func(u store.UserRecord) (store.UserRecord, error) {
				if len(u.Claims) == 2 {
					return u, errAbort // an earlier update already won
				}
				u.Claims = append(u.Claims, "email:race@example.com")
				return u, nil
			})
		})
	}
	wg.Wait()
	winner, err := s.GetUserByClaim(ctx, pool, "email:race@example.com")
	wantErr(t, "GetUserByClaim", err, nil)
	wins := 0
	for i, err := range results {
		var conflict *store.ConflictError
		switch {
		case err == nil:
			wins++
		case errors.As(err, &conflict):
			if conflict.Owner != winner.Key {
				t.Errorf("writer %d: conflict names %q, the claim is held by %q", i, conflict.Owner, winner.Key)
			}
		case err == errAbort:
		default:
			t.Errorf("writer %d: %v", i, err)
		}
	}
	if wins != 1 {
		t.Errorf("%d writers got the claim, want 1", wins)
	}
}

// testUpdatePanicReleasesRow: a panicking update function reaches the
// caller, and the store stays usable: the row and, on backends with one
// writer, the writer are released.
func testUpdatePanicReleasesRow(t *testing.T, s store.Store) {
	ctx := t.Context()
	pool := newPool(t, s)
	createUsers(t, s, newUser(pool, "u"))
	func() {
		defer func() {
			if recover() == nil {
				t.Error("the update function's panic did not reach the caller")
			}
		}()
		_ = s.UpdateUser(ctx, pool, "u", func(u store.UserRecord) (store.UserRecord, error) {
			u.Username = "changed"
			panic("storetest: panic on purpose")
		})
	}()
	timeout, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	err := s.UpdateUser(timeout, pool, "u", func(u store.UserRecord) (store.UserRecord, error) {
		if u.Username == "changed" {
			t.Error("the panicking update was written")
		}
		return u, nil
	})
	wantErr(t, "UpdateUser after a panic", err, nil)
	wantErr(t, "CreateUser after a panic", s.CreateUser(timeout, newUser(pool, "v")), nil)
}
