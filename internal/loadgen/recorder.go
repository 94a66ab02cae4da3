package loadgen

import (
	"context"
	"sync"
	"time"
)

// recorder collects one scenario's measurements. Flows started during the
// warm-up get no recorder and leave no trace.
type recorder struct {
	mu       sync.Mutex
	flow     Histogram // whole flow, from its (intended) start
	maths    Histogram // client-side SRP maths per flow
	ops      map[string]*opRecord
	order    []string
	flowsOK  int64
	flowsErr int64
	errs     map[string]*errRecord // by op + "\x00" + type
	errOrder []string
}

type opRecord struct {
	hist   Histogram
	errors int64
}

type errRecord struct {
	op, typ, sample string
	count           int64
}

func newRecorder() *recorder {
	return &recorder{ops: map[string]*opRecord{}, errs: map[string]*errRecord{}}
}

// request records one request of op; err is its failure, if any.
func (r *recorder) request(op string, d time.Duration, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	o := r.ops[op]
	if o == nil {
		o = &opRecord{}
		r.ops[op] = o
		r.order = append(r.order, op)
	}
	o.hist.Record(d)
	if err != nil {
		o.errors++
		r.failure(op, err)
	}
}

// failure counts an error by operation and type, keeping the first
// message as a sample. The caller holds r.mu.
func (r *recorder) failure(op string, err error) {
	typ := errorType(err)
	key := op + "\x00" + typ
	e := r.errs[key]
	if e == nil {
		e = &errRecord{op: op, typ: typ, sample: err.Error()}
		r.errs[key] = e
		r.errOrder = append(r.errOrder, key)
	}
	e.count++
}

// done records a finished flow. A failure that no request recorded (the
// client's SRP maths, say) is counted under "(flow)".
func (r *recorder) done(f *Flow, d time.Duration, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if err != nil {
		r.flowsErr++
		if !f.failed {
			r.failure("(flow)", err)
		}
		return
	}
	r.flowsOK++
	r.flow.Record(d)
	if f.hasMaths {
		r.maths.Record(f.maths)
	}
}

// Flow is one run of a scenario: it sends the requests, timing each.
type Flow struct {
	c        *Client
	rec      *recorder // nil during the warm-up
	seq      uint64    // this flow's number within the scenario
	maths    time.Duration
	hasMaths bool
	failed   bool // a failure of this flow is already counted
}

// idp sends a cognito-idp request and records it.
func (f *Flow) idp(ctx context.Context, op string, signed bool, in, out any) error {
	start := time.Now()
	err := f.c.IDP(ctx, op, signed, in, out)
	f.record(op, time.Since(start), err)
	return err
}

// identity sends a cognito-identity request and records it.
func (f *Flow) identity(ctx context.Context, op string, signed bool, in, out any) error {
	start := time.Now()
	err := f.c.Identity(ctx, op, signed, in, out)
	f.record(op, time.Since(start), err)
	return err
}

func (f *Flow) record(op string, d time.Duration, err error) {
	if f.rec != nil {
		f.rec.request(op, d, err)
	}
	if err != nil {
		f.failed = true
	}
}

// check records a success answer the flow cannot use as a failure of op.
func (f *Flow) check(op string, err error) error {
	if err != nil && f.rec != nil {
		f.rec.mu.Lock()
		if o := f.rec.ops[op]; o != nil {
			o.errors++
		}
		f.rec.failure(op, err)
		f.rec.mu.Unlock()
	}
	if err != nil {
		f.failed = true
	}
	return err
}

// clientMaths adds time the generator spent on client-side cryptography.
func (f *Flow) clientMaths(d time.Duration) {
	f.maths += d
	f.hasMaths = true
}
