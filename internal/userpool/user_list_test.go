package userpool

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/incognito-idp/incognito/internal/store"
	"github.com/incognito-idp/incognito/internal/testenv"
)

// listAll pages through ListUsers with filter and limit and returns the
// usernames in the order listed and the tokens handed out.
func (e *userTestEnv) listAll(t *testing.T, poolID, filter string, limit int64) (names, tokens []string) {
	t.Helper()
	var token *string
	for range 100 {
		out, err := e.svc.ListUsers(e.ctx, ListUsersInput{PoolID: &poolID, Filter: &filter, Limit: &limit, PaginationToken: token})
		if err != nil {
			t.Fatalf("ListUsers(%q) after %d users: %v", filter, len(names), err)
		}
		if len(out.Users) > int(limit) {
			t.Fatalf("page of %d users, limit %d", len(out.Users), limit)
		}
		for _, u := range out.Users {
			names = append(names, u.Username)
		}
		if out.PaginationToken == "" {
			return names, tokens
		}
		tokens = append(tokens, out.PaginationToken)
		token = &out.PaginationToken
	}
	t.Fatalf("ListUsers(%q): no last page after %v", filter, names)
	return nil, nil
}

// TestListUsersPrefixPages pages through a prefix filter whose order (by
// email) is not the usernames': every match comes once, in email order.
func TestListUsersPrefixPages(t *testing.T) {
	e := newUserTestEnv(t)
	id := e.pool(t, "us-east-1_ListPfx01", Pool{}).ID
	email := map[string]string{}
	var byName []string
	for i := range 13 {
		// Usernames run against the emails: u12 has a0@, u00 has a12@.
		name := fmt.Sprintf("u%02d", i)
		email[name] = fmt.Sprintf("a%d@example.com", 12-i)
		e.create(t, id, name, "email", email[name])
		byName = append(byName, name)
	}
	byEmail := slices.SortedFunc(slices.Values(byName), func(a, b string) int { return strings.Compare(email[a], email[b]) })
	// "a10@" < "a1@": u12 (a0@), u02 (a10@), u01, u00, u11 (a1@), u10 (a2@), ...
	if byEmail[1] != "u02" || byEmail[4] != "u11" {
		t.Fatalf("test assumes byte order of emails: %v", byEmail)
	}
	e.create(t, id, "b", "email", "b@example.com") // not a match

	for _, limit := range []int64{1, 4, 60} {
		got, tokens := e.listAll(t, id, `email ^= "a"`, limit)
		if !slices.Equal(got, byEmail) {
			t.Errorf("limit %d: listed %v, want %v", limit, got, byEmail)
		}
		for _, tok := range tokens {
			if !strings.HasPrefix(tok, prefixTokenMark) {
				t.Errorf("prefix listing's token %q has no mark", tok)
			}
		}
	}
	got, _ := e.listAll(t, id, `email = "a3@example.com"`, 1)
	if !slices.Equal(got, []string{"u09"}) {
		t.Errorf("equality filter listed %v", got)
	}
	got, _ = e.listAll(t, id, "", 5)
	if want := append([]string{"b"}, byName...); !slices.Equal(got, want) {
		t.Errorf("unfiltered listing %v, want %v", got, want)
	}
}

// TestListUsersTokensDoNotMix: a token of a listing in key order is refused
// by a prefix listing and the other way round, and so is a forged cursor.
func TestListUsersTokensDoNotMix(t *testing.T) {
	e := newUserTestEnv(t)
	id := e.pool(t, "us-east-1_ListPfx02", Pool{}).ID
	for i := range 3 {
		e.create(t, id, fmt.Sprintf("u%d", i), "email", fmt.Sprintf("a%d@example.com", i))
	}
	one := int64(1)
	page := func(filter string, token *string) (*ListUsersOutput, error) {
		return e.svc.ListUsers(e.ctx, ListUsersInput{PoolID: &id, Filter: &filter, Limit: &one, PaginationToken: token})
	}
	first := func(filter string) string {
		out, err := page(filter, nil)
		if err != nil || out.PaginationToken == "" {
			t.Fatalf("ListUsers(%q) = %+v, %v", filter, out, err)
		}
		return out.PaginationToken
	}
	keyToken, prefixToken := first(""), first(`email ^= "a"`)
	equalToken := first(`status = "Enabled"`)

	for _, tc := range []struct {
		name, filter, token string
	}{
		{"key token in a prefix listing", `email ^= "a"`, keyToken},
		{"equality token in a prefix listing", `email ^= "a"`, equalToken},
		{"prefix token without a filter", "", prefixToken},
		{"prefix token with an equality filter", `email = "a1@example.com"`, prefixToken},
		{"prefix mark alone", `email ^= "a"`, prefixTokenMark},
		{"forged cursor", `email ^= "a"`, prefixTokenMark + base64.RawURLEncoding.EncodeToString([]byte("u1"))},
		{"cursor length past its end", `email ^= "a"`, prefixTokenMark + base64.RawURLEncoding.EncodeToString([]byte("99:a"))},
		{"key token of invalid UTF-8", "", base64.RawURLEncoding.EncodeToString([]byte{0xff, 0xfe})},
		{"key token with a NUL", `status = "Enabled"`, base64.RawURLEncoding.EncodeToString([]byte("a\x00b"))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := page(tc.filter, &tc.token)
			wantCode(t, err, InvalidParameter, "Invalid pagination token "+tc.token+".")
		})
	}

	// A key-order token serves any key-order listing: the unfiltered list's
	// next page under an equality filter resumes after the same user.
	out, err := page(`status = "Enabled"`, &keyToken)
	if err != nil || len(out.Users) != 1 || out.Users[0].Username != "u1" {
		t.Fatalf("equality listing after the unfiltered token = %+v, %v", out, err)
	}
	// A prefix token serves another prefix: it resumes after the same
	// (value, key), here inside the new prefix's range.
	out, err = page(`email ^= "a1"`, &prefixToken)
	if err != nil || len(out.Users) != 1 || out.Users[0].Username != "u1" {
		t.Fatalf("prefix listing after another prefix's token = %+v, %v", out, err)
	}
}

// FuzzListUsersToken checks that no pagination token, however forged,
// makes ListUsers fail with anything but InvalidParameterException, with a
// prefix filter or without one.
func FuzzListUsersToken(f *testing.F) {
	cursor := func(s string) string { return prefixTokenMark + base64.RawURLEncoding.EncodeToString([]byte(s)) }
	for _, seed := range []string{
		"dTE", prefixTokenMark, cursor("14:a1@example.comu1"), cursor("0:"), cursor("1025:a"), cursor("3:a\xff\x00"),
		"p.p.", "p.=", "%%", cursor("01:a"),
	} {
		f.Add(seed)
	}
	now := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	st := testenv.SQLite(f)
	svc := New(Options{Store: st, Sealer: testenv.Sealer(f), Region: "us-east-1", AccountID: "000000000000",
		Now: func() time.Time { return now }})
	p := Pool{Schema: StandardSchema(), Policies: Policies{PasswordPolicy: PasswordPolicy{MinimumLength: 8}}}
	data, err := json.Marshal(&p)
	if err != nil {
		f.Fatal(err)
	}
	id := "us-east-1_ListFuzz1"
	if err := st.CreatePool(f.Context(), store.PoolRecord{ID: id, Name: "fuzz", CreatedAt: now, UpdatedAt: now, Data: data}); err != nil {
		f.Fatal(err)
	}
	for i := range 5 {
		name := fmt.Sprintf("u%d", i)
		if _, err := svc.AdminCreateUser(f.Context(), AdminCreateUserInput{PoolID: &id, Username: &name,
			UserAttributes: attrs("email", fmt.Sprintf("a%d@example.com", i)), MessageAction: MessageActionSuppress}); err != nil {
			f.Fatal(err)
		}
	}
	two := int64(2)
	f.Fuzz(func(t *testing.T, token string) {
		for _, filter := range []string{`email ^= "a"`, `email ^= ""`, "", `email = "a1@example.com"`} {
			_, err := svc.ListUsers(t.Context(), ListUsersInput{PoolID: &id, Filter: &filter, Limit: &two, PaginationToken: &token})
			if err != nil && !IsCode(err, InvalidParameter) {
				t.Fatalf("ListUsers(%q) with token %q: %v", filter, token, err)
			}
		}
	})
}
