package storetest

import (
	"cmp"
	"slices"
	"testing"
	"time"

	"github.com/incognito-idp/incognito/internal/store"
)

// testMessages covers CreateMessage and ListMessages: newest (greatest ID)
// first in byte order, one pool at a time, paged by the last ID seen.
func testMessages(t *testing.T, s store.Store) {
	ctx := t.Context()
	pool, other := newPool(t, s), newPool(t, s)
	prefix := newID("msg-") + "-"
	message := func(pool, suffix string) store.MessageRecord {
		return store.MessageRecord{
			ID: prefix + suffix, PoolID: pool, CreatedAt: t0.Add(time.Duration(len(suffix)) * time.Second),
			Medium: "EMAIL", Destination: "ada@example.com", Subject: "Your code " + suffix,
			Body: "Your verification code is 123456 ✓", Kind: "verification", Username: "ada",
		}
	}
	// Byte order: "0" < "B" < "a" < "b" < "z" < "é". The other pool's
	// messages sort between this pool's.
	var want []store.MessageRecord
	for _, suffix := range []string{"b", "é", "0", "z", "B", "a"} {
		m := message(pool, suffix)
		wantErr(t, "CreateMessage", s.CreateMessage(ctx, m), nil)
		want = append(want, m)
	}
	sms := message(other, "a1")
	sms.Medium, sms.Destination, sms.Subject, sms.Kind = "SMS", "+15555550100", "", "invitation"
	for _, m := range []store.MessageRecord{sms, message(other, "c")} {
		wantErr(t, "CreateMessage", s.CreateMessage(ctx, m), nil)
	}
	slices.SortFunc(want, func(a, b store.MessageRecord) int { return cmp.Compare(b.ID, a.ID) })

	wantErr(t, "CreateMessage again", s.CreateMessage(ctx, message(pool, "a")), store.ErrAlreadyExists)
	wantErr(t, "CreateMessage, same ID in another pool", s.CreateMessage(ctx, message(other, "a")), store.ErrAlreadyExists)
	wantErr(t, "CreateMessage missing pool", s.CreateMessage(ctx, message(newID("missing-"), "m")), store.ErrNotFound)

	got, err := s.ListMessages(ctx, pool, store.Page{})
	wantErr(t, "ListMessages", err, nil)
	sameMessages(t, got, want)
	got, err = s.ListMessages(ctx, other, store.Page{})
	wantErr(t, "ListMessages other pool", err, nil)
	sameMessages(t, got, []store.MessageRecord{message(other, "c"), sms})

	tests := []struct {
		name string
		pool string
		page store.Page
		want []store.MessageRecord
		err  error
	}{
		{"first page", pool, store.Page{Limit: 2}, want[:2], nil},
		{"after an ID", pool, store.Page{After: want[1].ID, Limit: 2}, want[2:4], nil},
		{"after an ID, no limit", pool, store.Page{After: want[3].ID}, want[4:], nil},
		{"after an ID no message has", pool, store.Page{After: prefix + "a0"}, want[3:], nil},
		{"after the oldest", pool, store.Page{After: want[len(want)-1].ID}, nil, nil},
		{"empty pool", newPool(t, s), store.Page{}, nil, nil},
		{"missing pool", newID("missing-"), store.Page{}, nil, store.ErrNotFound},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.ListMessages(ctx, tc.pool, tc.page)
			wantErr(t, "ListMessages", err, tc.err)
			sameMessages(t, got, tc.want)
		})
	}

	t.Run("page through", func(t *testing.T) {
		for _, limit := range []int{1, 4} {
			var got []store.MessageRecord
			page := store.Page{Limit: limit}
			for range len(want) + 2 {
				ms, err := s.ListMessages(ctx, pool, page)
				wantErr(t, "ListMessages", err, nil)
				if len(ms) > limit {
					t.Fatalf("ListMessages returned %d messages, limit %d", len(ms), limit)
				}
				if len(ms) == 0 {
					break
				}
				got = append(got, ms...)
				page.After = ms[len(ms)-1].ID
			}
			sameMessages(t, got, want)
		}
	})
}

func sameMessages(t *testing.T, got, want []store.MessageRecord) {
	t.Helper()
	ids := func(ms []store.MessageRecord) []string {
		out := []string{}
		for _, m := range ms {
			out = append(out, m.ID)
		}
		return out
	}
	sameKeys(t, "message IDs", ids(got), ids(want))
	if len(got) != len(want) {
		return
	}
	for i, g := range got {
		w := want[i]
		if g.PoolID != w.PoolID || g.Medium != w.Medium || g.Destination != w.Destination || g.Subject != w.Subject ||
			g.Body != w.Body || g.Kind != w.Kind || g.Username != w.Username {
			t.Errorf("message:\n got %+v\nwant %+v", g, w)
		}
		sameTime(t, "message CreatedAt", g.CreatedAt, w.CreatedAt)
	}
}
