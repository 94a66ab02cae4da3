package userpool

import (
	"testing"
	"time"
)

// TestPoolCacheSeesEveryChange runs two Services on one store, as two
// replicas: a change made through either is seen by the other on its next
// read, though each keeps its decoded pools.
func TestPoolCacheSeesEveryChange(t *testing.T) {
	env := newPoolTestEnv(t)
	other := New(Options{Store: env.svc.store, Sealer: env.svc.sealer, Region: "us-east-1", AccountID: "123456789012",
		Now: func() time.Time { return time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC) }})
	p, err := env.svc.CreatePool(env.ctx, CreatePoolInput{PoolName: strp("cached")})
	if err != nil {
		t.Fatal(err)
	}
	for _, svc := range []*Service{env.svc, other} {
		got, err := svc.GetPool(env.ctx, p.ID)
		if err != nil || got.Name != "cached" {
			t.Fatalf("GetPool = %+v, %v", got, err)
		}
		got.Name = "scribbled" // a caller's change to its copy stays its own
	}
	if got, _ := env.svc.GetPool(env.ctx, p.ID); got.Name != "cached" {
		t.Fatalf("a caller's change leaked into the cache: name %q", got.Name)
	}

	// Same clock, so the same LastModifiedDate: only the row's bytes differ.
	if _, err := other.UpdatePool(env.ctx, UpdatePoolInput{UserPoolId: &p.ID,
		PoolSettings: PoolSettings{DeletionProtection: "ACTIVE"}}); err != nil {
		t.Fatal(err)
	}
	if got, err := env.svc.GetPool(env.ctx, p.ID); err != nil || got.DeletionProtection != "ACTIVE" {
		t.Fatalf("after an update through the other replica: %+v, %v", got, err)
	}
	if _, err := env.svc.UpdatePool(env.ctx, UpdatePoolInput{UserPoolId: &p.ID, PoolName: strp("renamed"),
		PoolSettings: PoolSettings{DeletionProtection: "INACTIVE"}}); err != nil {
		t.Fatal(err)
	}
	if got, err := other.GetPool(env.ctx, p.ID); err != nil || got.Name != "renamed" || got.DeletionProtection != "INACTIVE" {
		t.Fatalf("after a rename: %+v, %v", got, err)
	}
	if err := other.DeletePool(env.ctx, &p.ID); err != nil {
		t.Fatal(err)
	}
	_, err = env.svc.GetPool(env.ctx, p.ID)
	wantErr(t, err, ResourceNotFound, "User pool "+p.ID+" does not exist.")
}
