package loadgen

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fakeCognito answers the few operations the getuser scenario needs. Every
// failEvery-th GetUser fails with NotAuthorizedException; each GetUser
// waits delay first.
type fakeCognito struct {
	failEvery  int64
	delay      time.Duration
	emailNames bool // answer UsernameAttributes [email], as cognito-local does
	repeatPage bool // list a user of the first broad page again on the next
	getUsers   atomic.Int64
	mu         sync.Mutex
	ops        map[string]int
	created    []string // AdminCreateUser usernames
	filters    []string // ListUsers filters
}

func (f *fakeCognito) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	op := strings.TrimPrefix(r.Header.Get("X-Amz-Target"), idpTarget)
	var body struct {
		Username, Filter, PaginationToken string
	}
	_ = json.NewDecoder(r.Body).Decode(&body)
	f.mu.Lock()
	f.ops[op]++
	switch op {
	case "AdminCreateUser":
		f.created = append(f.created, body.Username)
	case "ListUsers":
		f.filters = append(f.filters, body.Filter)
	}
	f.mu.Unlock()
	w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	fail := func(typ, msg string) {
		w.WriteHeader(http.StatusBadRequest)
		_ = json.NewEncoder(w).Encode(map[string]string{"__type": typ, "message": msg})
	}
	switch op {
	case "CreateUserPool":
		_, _ = w.Write([]byte(`{"UserPool":{"Id":"us-east-1_Fake1"}}`))
	case "CreateUserPoolClient":
		_, _ = w.Write([]byte(`{"UserPoolClient":{"ClientId":"fakeclient"}}`))
	case "DescribeUserPool":
		if f.emailNames {
			_, _ = w.Write([]byte(`{"UserPool":{"Id":"local_Fake1","UsernameAttributes":["email"]}}`))
			return
		}
		_, _ = w.Write([]byte(`{"UserPool":{"Id":"us-east-1_Fake1"}}`))
	case "ListUsers":
		_, quoted, _ := strings.Cut(body.Filter, `"`)
		prefix := strings.TrimSuffix(quoted, `"`)
		user := func(name string) map[string]any {
			return map[string]any{"Username": name, "Attributes": []attribute{{Name: "email", Value: name + "@example.com"}}}
		}
		if prefix == "load-user-" {
			// The broad filter: two users, then a page with a third one
			// (or, with repeatPage, the second again).
			if body.PaginationToken == "" {
				_ = json.NewEncoder(w).Encode(map[string]any{"Users": []map[string]any{user(prefix + "0000000"), user(prefix + "0000001")},
					"PaginationToken": "next"})
				return
			}
			last := prefix + "0000002"
			if f.repeatPage {
				last = prefix + "0000001"
			}
			_ = json.NewEncoder(w).Encode(map[string]any{"Users": []map[string]any{user(last)}})
			return
		}
		// One user matching the prefix, as username and as email.
		_ = json.NewEncoder(w).Encode(map[string]any{"Users": []map[string]any{user(prefix + "0")}})
	case "AdminCreateUser", "AdminSetUserPassword", "DeleteUserPool":
		_, _ = w.Write([]byte(`{}`))
	case "InitiateAuth":
		_, _ = w.Write([]byte(`{"AuthenticationResult":{"AccessToken":"a","IdToken":"i","RefreshToken":"r"}}`))
	case "GetUser":
		time.Sleep(f.delay)
		if n := f.getUsers.Add(1); f.failEvery > 0 && n%f.failEvery == 0 {
			fail("NotAuthorizedException", "Access Token has been revoked")
			return
		}
		_, _ = w.Write([]byte(`{"Username":"u"}`))
	default:
		fail("UnknownOperationException", op)
	}
}

func runFake(t *testing.T, fake *fakeCognito, change func(*Options)) *Report {
	t.Helper()
	fake.ops = map[string]int{}
	srv := httptest.NewServer(fake)
	t.Cleanup(srv.Close)
	o := Defaults()
	o.Endpoint = srv.URL
	o.Scenarios = []string{"getuser"}
	o.Users, o.Sessions = 3, 2
	o.Duration, o.Warmup = 300*time.Millisecond, 100*time.Millisecond
	o.Concurrency = 2
	change(&o)
	rep, err := Run(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Scenarios) != 1 || rep.Scenarios[0].Skipped != "" {
		t.Fatalf("scenarios %+v", rep.Scenarios)
	}
	return rep
}

func TestClosedLoopCounts(t *testing.T) {
	// Bounded by count, not time: 40 measured flows, of which every
	// fifth GetUser the server answers (warm-up ones included) fails.
	fake := &fakeCognito{failEvery: 5}
	rep := runFake(t, fake, func(o *Options) { o.MaxFlows, o.Duration = 40, time.Minute })
	s := rep.Scenarios[0]
	if s.Flows+s.FlowErrors != 40 || s.FlowErrors < 7 || s.FlowErrors > 9 {
		t.Fatalf("flows %d ok, %d failed: want 40, about a fifth failed", s.Flows, s.FlowErrors)
	}
	if s.Requests != s.Flows+s.FlowErrors || s.RequestErrors != s.FlowErrors {
		t.Errorf("requests %d (%d failed) for %d+%d flows", s.Requests, s.RequestErrors, s.Flows, s.FlowErrors)
	}
	if len(s.Errors) != 1 || s.Errors[0].Type != "NotAuthorizedException" || s.Errors[0].Op != "GetUser" ||
		s.Errors[0].Count != s.FlowErrors || !strings.Contains(s.Errors[0].Sample, "revoked") {
		t.Errorf("errors %+v", s.Errors)
	}
	if len(s.Ops) != 1 || s.Ops[0].Op != "GetUser" || s.Ops[0].Latency.Count != uint64(s.Requests) {
		t.Errorf("ops %+v", s.Ops)
	}
	if s.Latency.Count != uint64(s.Flows) || s.Latency.P50 <= 0 || s.Latency.P99 < s.Latency.P50 || s.Latency.Max < s.Latency.P99 {
		t.Errorf("flow latency %+v", s.Latency)
	}
	// Warm-up flows reach the server but are not counted: each worker
	// starts one before the measured time begins.
	if served := fake.getUsers.Load(); served <= s.Requests {
		t.Errorf("server saw %d GetUser, report has %d: warm-up counted?", served, s.Requests)
	}
	// Setup: pool, client, 3 users, a priming sign-in and 2 for the
	// sessions; cleanup deletes the pool.
	fake.mu.Lock()
	defer fake.mu.Unlock()
	if fake.ops["AdminCreateUser"] != 3 || fake.ops["InitiateAuth"] != 3 || fake.ops["DeleteUserPool"] != 1 {
		t.Errorf("setup calls %v", fake.ops)
	}
}

func TestOpenLoop(t *testing.T) {
	// 100 flows/s for 0.3 s: at most 30 measured flows start.
	rep := runFake(t, &fakeCognito{}, func(o *Options) { o.Concurrency = 0; o.Rate = 100 })
	s := rep.Scenarios[0]
	if s.Mode != "open loop" || s.Flows == 0 || s.Flows+s.FlowErrors+s.Dropped > 30 {
		t.Errorf("mode %q, %d flows, %d failed, %d dropped", s.Mode, s.Flows, s.FlowErrors, s.Dropped)
	}
}

func TestOpenLoopDrops(t *testing.T) {
	// One slot, requests of 100 ms, a flow due every 5 ms: most are dropped.
	rep := runFake(t, &fakeCognito{delay: 100 * time.Millisecond}, func(o *Options) {
		o.Concurrency, o.Rate, o.MaxInFlight = 0, 200, 1
	})
	s := rep.Scenarios[0]
	if s.Dropped == 0 {
		t.Errorf("nothing dropped: %d flows", s.Flows)
	}
}

func TestSkippedScenario(t *testing.T) {
	fake := &fakeCognito{ops: map[string]int{}}
	srv := httptest.NewServer(fake)
	defer srv.Close()
	o := Defaults()
	o.Endpoint, o.Scenarios, o.Users = srv.URL, []string{"identity"}, 1
	o.Duration, o.Warmup = 100*time.Millisecond, 0
	rep, err := Run(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	if s := rep.Scenarios[0]; !strings.Contains(s.Skipped, "UnknownOperationException") || s.Flows != 0 {
		t.Errorf("identity against a server without identity pools: %+v", s)
	}
}

// TestEmailUsernames: in a pool whose usernames are emails the load users
// are email addresses and ListUsers filters on email.
func TestEmailUsernames(t *testing.T) {
	for _, email := range []bool{false, true} {
		fake := &fakeCognito{emailNames: email}
		rep := runFake(t, fake, func(o *Options) { o.Scenarios = []string{"listusers"}; o.MaxFlows = 5 })
		if s := rep.Scenarios[0]; s.Flows != 5 {
			t.Errorf("email %v: %d flows, %+v", email, s.Flows, s.Errors)
		}
		fake.mu.Lock()
		wantUser, wantFilter := "load-user-0000002", `username ^= "load-user-000000"`
		if email {
			wantUser, wantFilter = "load-user-0000002@example.com", `email ^= "load-user-000000"`
		}
		if !slices.Contains(fake.created, wantUser) || !slices.Contains(fake.filters, wantFilter) {
			t.Errorf("email %v: created %v, filters %v", email, fake.created, fake.filters[:min(3, len(fake.filters))])
		}
		fake.mu.Unlock()
	}
}

// TestListBroadFollowsTheToken: the listbroad scenario asks for the page
// after the first with its PaginationToken, and fails a server that lists
// a user of the first page again.
func TestListBroadFollowsTheToken(t *testing.T) {
	fake := &fakeCognito{}
	rep := runFake(t, fake, func(o *Options) { o.Scenarios = []string{"listbroad"}; o.MaxFlows = 4 })
	if s := rep.Scenarios[0]; s.Flows != 4 || s.FlowErrors != 0 {
		t.Errorf("listbroad: %d flows, %d failed, %+v", s.Flows, s.FlowErrors, s.Errors)
	}
	fake.mu.Lock()
	if !slices.Contains(fake.filters, `username ^= "load-user-"`) || fake.ops["ListUsers"] < 8 {
		t.Errorf("filters %v, %d ListUsers", fake.filters[:min(3, len(fake.filters))], fake.ops["ListUsers"])
	}
	fake.mu.Unlock()

	repeating := &fakeCognito{repeatPage: true}
	rep = runFake(t, repeating, func(o *Options) { o.Scenarios = []string{"listbroad"}; o.MaxFlows = 4 })
	if s := rep.Scenarios[0]; s.FlowErrors == 0 || s.Flows != 0 {
		t.Errorf("a repeated user went unnoticed: %d flows, %d failed", s.Flows, s.FlowErrors)
	}
}
