package storetest

import (
	"crypto/sha256"
	"fmt"
	"strconv"
	"sync"
	"testing"

	"github.com/incognito-idp/incognito/internal/store"
)

// testConcurrentSessionUpdates rotates one session's refresh token from
// many goroutines at once, as racing refreshes do: every update sees the
// latest committed session, so no rotation is lost and none fails (a lost
// one would also reuse a hash and fail with ErrAlreadyExists).
func testConcurrentSessionUpdates(t *testing.T, s store.Store) {
	ctx := t.Context()
	pool := newPool(t, s)
	createUsers(t, s, newUser(pool, "u"))
	sess := newSession(pool, "u")
	sess.Data = []byte("0")
	createSessions(t, s, sess)
	hashOf := func(n int) []byte {
		h := sha256.Sum256(fmt.Appendf(nil, "%s/%d", sess.OriginJTI, n))
		return h[:]
	}
	const workers, rotations = 20, 10
	var wg sync.WaitGroup
	errs := make(chan error, workers*rotations)
	for range workers {
		wg.Go(func() {
			for range rotations {
				errs <- s.UpdateSession(ctx, pool, sess.OriginJTI, func(cur store.SessionRecord) (store.SessionRecord, error) {
					n, err := strconv.Atoi(string(cur.Data))
					if err != nil {
						return cur, err
					}
					cur.PreviousHash, cur.RefreshHash = cur.RefreshHash, hashOf(n+1)
					cur.Data = strconv.AppendInt(nil, int64(n+1), 10)
					return cur, nil
				})
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatalf("UpdateSession: %v", err)
		}
	}
	const total = workers * rotations
	got := mustGetSession(t, s, pool, sess.OriginJTI)
	if want := strconv.Itoa(total); string(got.Data) != want {
		t.Fatalf("rotations = %q, want %s: updates were lost", got.Data, want)
	}
	for _, n := range []int{total, total - 1} {
		found, err := s.GetSessionByRefreshHash(ctx, hashOf(n))
		wantErr(t, fmt.Sprintf("GetSessionByRefreshHash(hash %d)", n), err, nil)
		if found.OriginJTI != sess.OriginJTI {
			t.Errorf("hash %d finds session %q, want %q", n, found.OriginJTI, sess.OriginJTI)
		}
	}
	_, err := s.GetSessionByRefreshHash(ctx, hashOf(total-2))
	wantErr(t, "GetSessionByRefreshHash of a hash rotated out twice", err, store.ErrNotFound)
}
