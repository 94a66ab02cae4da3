package storetest

import (
	"testing"
	"time"

	"github.com/incognito-idp/incognito/internal/store"
)

func testGroups(t *testing.T, s store.Store) {
	ctx := t.Context()
	pool, other := newPool(t, s), newPool(t, s)
	seven := int64(7)
	admins := store.GroupRecord{PoolID: pool, Name: "admins", Description: "Admins ✓",
		RoleArn: "arn:aws:iam::123456789012:role/admin", Precedence: &seven, CreatedAt: t0, UpdatedAt: t0}
	for _, g := range []store.GroupRecord{
		admins,
		{PoolID: pool, Name: "Zeta", CreatedAt: t0, UpdatedAt: t0},
		{PoolID: pool, Name: "users", CreatedAt: t0, UpdatedAt: t0},
		{PoolID: other, Name: "admins"},
	} {
		wantErr(t, "CreateGroup", s.CreateGroup(ctx, g), nil)
	}
	wantErr(t, "CreateGroup again", s.CreateGroup(ctx, store.GroupRecord{PoolID: pool, Name: "admins"}), store.ErrAlreadyExists)
	wantErr(t, "CreateGroup missing pool", s.CreateGroup(ctx, store.GroupRecord{PoolID: newID("missing-"), Name: "g"}), store.ErrNotFound)

	got, err := s.GetGroup(ctx, pool, "admins")
	wantErr(t, "GetGroup", err, nil)
	sameGroup(t, got, admins)
	got, err = s.GetGroup(ctx, pool, "users")
	wantErr(t, "GetGroup", err, nil)
	if got.Precedence != nil {
		t.Errorf("Precedence = %d, want nil", *got.Precedence)
	}
	_, err = s.GetGroup(ctx, pool, "nobody")
	wantErr(t, "GetGroup missing", err, store.ErrNotFound)

	tests := []struct {
		name string
		pool string
		page store.Page
		want []string
		err  error
	}{
		{"all, in byte order", pool, store.Page{}, []string{"Zeta", "admins", "users"}, nil},
		{"first page", pool, store.Page{Limit: 2}, []string{"Zeta", "admins"}, nil},
		{"next page", pool, store.Page{After: "admins", Limit: 2}, []string{"users"}, nil},
		{"missing pool", newID("missing-"), store.Page{}, nil, store.ErrNotFound},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			gs, err := s.ListGroups(ctx, tc.pool, tc.page)
			wantErr(t, "ListGroups", err, tc.err)
			sameKeys(t, "groups", groupNames(gs), tc.want)
		})
	}

	err = s.UpdateGroup(ctx, pool, "admins", func(g store.GroupRecord) (store.GroupRecord, error) {
		sameGroup(t, g, admins)
		g.PoolID, g.Name = other, "renamed" // the store keeps both
		g.Description, g.RoleArn, g.Precedence, g.UpdatedAt = "new", "", nil, t0.Add(time.Second)
		return g, nil
	})
	wantErr(t, "UpdateGroup", err, nil)
	want := admins
	want.Description, want.RoleArn, want.Precedence, want.UpdatedAt = "new", "", nil, t0.Add(time.Second)
	got, err = s.GetGroup(ctx, pool, "admins")
	wantErr(t, "GetGroup after update", err, nil)
	sameGroup(t, got, want)
	wantErr(t, "UpdateGroup missing", s.UpdateGroup(ctx, pool, "nobody", func(g store.GroupRecord) (store.GroupRecord, error) {
		t.Error("UpdateGroup called the function for a missing group")
		return g, nil
	}), store.ErrNotFound)

	wantErr(t, "DeleteGroup", s.DeleteGroup(ctx, pool, "admins"), nil)
	wantErr(t, "DeleteGroup again", s.DeleteGroup(ctx, pool, "admins"), store.ErrNotFound)
	_, err = s.GetGroup(ctx, other, "admins")
	wantErr(t, "GetGroup of the namesake in the other pool", err, nil)
}

func sameGroup(t *testing.T, got, want store.GroupRecord) {
	t.Helper()
	if got.PoolID != want.PoolID || got.Name != want.Name || got.Description != want.Description ||
		got.RoleArn != want.RoleArn || (got.Precedence == nil) != (want.Precedence == nil) ||
		(got.Precedence != nil && *got.Precedence != *want.Precedence) {
		t.Errorf("group:\n got %+v\nwant %+v", got, want)
	}
	sameTime(t, "group CreatedAt", got.CreatedAt, want.CreatedAt)
	sameTime(t, "group UpdatedAt", got.UpdatedAt, want.UpdatedAt)
}
