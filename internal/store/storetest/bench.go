package storetest

import (
	"fmt"
	"sync"
	"testing"

	"github.com/incognito-idp/incognito/internal/store"
)

// benchUsers is the size of the pool the benchmarks read from.
const benchUsers = 5000

// Benchmark measures the hot paths of a backend: GetUser, CreateUser,
// CreateSession, and ListUsers with a narrow and a broad prefix filter, in a
// pool of benchUsers users. open is called once; it should register the
// store's Close with b.Cleanup.
func Benchmark(b *testing.B, open func(b *testing.B) store.Store) {
	s := open(b)
	ctx := b.Context()
	pool := newPool(b, s)
	seedBenchPool(b, s, pool)

	b.Run("GetUser", func(b *testing.B) {
		i := 0
		for b.Loop() {
			if _, err := s.GetUser(ctx, pool, benchKey(i%benchUsers)); err != nil {
				b.Fatal(err)
			}
			i += 7919 // a prime: walk the pool out of key order
		}
	})

	created := 0 // across the calls b.Run makes with growing b.N
	b.Run("CreateUser", func(b *testing.B) {
		for b.Loop() {
			key := fmt.Sprintf("new%08d", created)
			u := newUser(pool, key, "email", key+"@example.com", "name", "New "+key)
			u.Claims = append(u.Claims, "email:"+key+"@example.com")
			if err := s.CreateUser(ctx, u); err != nil {
				b.Fatal(err)
			}
			created++
		}
	})

	// One sign-in's write: a new session of an existing user.
	b.Run("CreateSession", func(b *testing.B) {
		i := 0
		for b.Loop() {
			if err := s.CreateSession(ctx, newSession(pool, benchKey(i%benchUsers))); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})

	// "user012" matches 100 users, whose emails are not in key order.
	b.Run("ListUsersPrefix", func(b *testing.B) {
		f := store.UserFilter{Attribute: "email", Value: "user012", Prefix: true}
		for b.Loop() {
			us, err := s.ListUsers(ctx, pool, f, store.Page{Limit: 60})
			if err != nil || len(us) != 60 {
				b.Fatalf("ListUsers = %d users, %v; want 60", len(us), err)
			}
		}
	})

	// "user" matches every user of the pool: a page must cost what the
	// narrow prefix's does, not the number of matches.
	b.Run("ListUsersBroadPrefix", func(b *testing.B) {
		f := store.UserFilter{Attribute: "email", Value: "user", Prefix: true}
		for b.Loop() {
			us, err := s.ListUsers(ctx, pool, f, store.Page{Limit: 60})
			if err != nil || len(us) != 60 {
				b.Fatalf("ListUsers = %d users, %v; want 60", len(us), err)
			}
		}
	})
}

func benchKey(i int) string { return fmt.Sprintf("k%05d", (i*7907)%benchUsers) }

// seedBenchPool creates benchUsers users from a few goroutines (backends
// that serialise writes simply queue them).
func seedBenchPool(b *testing.B, s store.Store, pool string) {
	b.Helper()
	const workers = 8
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for w := range workers {
		wg.Go(func() {
			for i := w; i < benchUsers; i += workers {
				key := benchKey(i)
				email := fmt.Sprintf("user%05d@example.com", i)
				u := newUser(pool, key, "email", email, "name", "User "+key, "given_name", "User")
				u.Claims = append(u.Claims, "email:"+email)
				if err := s.CreateUser(b.Context(), u); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		b.Fatalf("seeding: %v", err)
	}
}
