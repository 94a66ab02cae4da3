package storetest

import (
	"errors"
	"fmt"
	"strconv"
	"sync"
	"testing"

	"github.com/incognito-idp/incognito/internal/store"
)

// testConcurrentIdentityUpdates increments a counter kept in an identity's
// Data from many goroutines at once: no increment is lost, none fails.
func testConcurrentIdentityUpdates(t *testing.T, s store.Store) {
	ctx := t.Context()
	pool := newIdentityPool(t, s)
	id := newID("us-east-1:counter-")
	counter := newIdentity(pool, id)
	counter.Data = []byte("0")
	createIdentities(t, s, counter)
	const workers, increments = 20, 10
	var wg sync.WaitGroup
	errs := make(chan error, workers*increments)
	for range workers {
		wg.Go(func() {
			for range increments {
				errs <- s.UpdateIdentity(ctx, id, func(i store.IdentityRecord) (store.IdentityRecord, error) {
					n, err := strconv.Atoi(string(i.Data))
					if err != nil {
						return i, err
					}
					i.Data = strconv.AppendInt(nil, int64(n+1), 10)
					i.Logins = append(i.Logins, "p"+strconv.Itoa(n+1))
					return i, nil
				})
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatalf("UpdateIdentity: %v", err)
		}
	}
	i := mustGetIdentity(t, s, id)
	want := workers * increments
	if string(i.Data) != strconv.Itoa(want) || len(i.Logins) != len(counter.Logins)+want {
		t.Errorf("counter = %q with %d logins; want %d with %d: updates were lost",
			i.Data, len(i.Logins), want, len(counter.Logins)+want)
	}
}

// testConcurrentIdentityKeys races identities for one login key, as
// concurrent GetId calls for one user do: exactly one wins, every other
// gets a conflict naming the winner.
func testConcurrentIdentityKeys(t *testing.T, s store.Store) {
	ctx := t.Context()
	pool := newIdentityPool(t, s)
	existing := newID("us-east-1:existing-")
	createIdentities(t, s, newIdentity(pool, existing, "dev|p|existing"))
	const n = 10
	var wg sync.WaitGroup
	results := make([]error, 2*n)
	for i := range n {
		wg.Go(func() { // half create new identities with the key...
			id := fmt.Sprintf("%s-new%02d", existing, i)
			results[i] = s.CreateIdentity(ctx, newIdentity(pool, id, "accounts.google.com|race", fmt.Sprintf("dev|p|%d", i)))
		})
		wg.Go(func() { // ...half try to add it to an existing one
			results[n+i] = s.UpdateIdentity(ctx, existing, func(r store.IdentityRecord) (store.IdentityRecord, error) {
				if len(r.Keys) == 2 {
					return r, errAbort // an earlier update already won
				}
				r.Keys = append(r.Keys, "accounts.google.com|race")
				return r, nil
			})
		})
	}
	wg.Wait()
	winner, err := s.GetIdentityByKey(ctx, pool, "accounts.google.com|race")
	wantErr(t, "GetIdentityByKey", err, nil)
	wins := 0
	for i, err := range results {
		var conflict *store.ConflictError
		switch {
		case err == nil:
			wins++
		case errors.As(err, &conflict):
			if conflict.Owner != winner.ID || conflict.Claim != "accounts.google.com|race" {
				t.Errorf("writer %d: conflict %+v, the key is held by %q", i, conflict, winner.ID)
			}
		case err == errAbort:
		default:
			t.Errorf("writer %d: %v", i, err)
		}
	}
	if wins != 1 {
		t.Errorf("%d writers got the key, want 1", wins)
	}
	// The losing creates wrote nothing: only the winner, if new, joined.
	is, err := s.ListIdentities(ctx, pool, store.Page{})
	wantErr(t, "ListIdentities", err, nil)
	want := []string{existing}
	if winner.ID != existing {
		want = append(want, winner.ID)
	}
	sameKeys(t, "identities", identityIDs(is), sortedSet(want))
}
