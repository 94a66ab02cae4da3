package authflow

import (
	"sync"
	"testing"
)

// TestConcurrentFirstSignInsMakeOneKeyPair: many first sign-ins to a new
// pool at once create one ID key and one access key, not one pair each.
func TestConcurrentFirstSignInsMakeOneKeyPair(t *testing.T) {
	f := newFixture(t, nil)
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := f.auth.KeySet(f.ctx, f.pool.ID, i%2 == 0); err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	records, err := f.auth.store.ListKeys(f.ctx, f.pool.ID)
	if err != nil {
		t.Fatal(err)
	}
	uses := map[string]int{}
	for _, r := range records {
		uses[r.Use]++
	}
	if len(records) != 2 || uses["id"] != 1 || uses["access"] != 1 {
		t.Fatalf("keys after concurrent first use: %d (%v), want one per use", len(records), uses)
	}
}
