package loadgen

import (
	"context"
	"sync"
	"sync/atomic"
	"time"
)

// window is one scenario's run: a warm-up whose flows are not recorded,
// then the measured time. Flows start only before the end and at most
// Options.MaxFlows of them are measured.
type window struct {
	sc      scenario
	e       *env
	rec     *recorder
	seq     atomic.Uint64 // flows started, warm-up included
	counted atomic.Int64  // measured flows started
	start   time.Time     // of the measured time
	end     time.Time
	cpu     cpuMark // at start
}

// runFlow runs one flow whose measurement starts at begin (its intended
// start in the open loop). measured says whether it counts.
func (w *window) runFlow(ctx context.Context, begin time.Time, measured bool) {
	f := &Flow{c: w.e.c, seq: w.seq.Add(1) - 1}
	if measured {
		f.rec = w.rec
	}
	err := w.sc.run(ctx, w.e, f)
	if measured {
		w.rec.done(f, time.Since(begin), err)
	}
}

// admit says whether a flow starting at now is measured, and whether it
// may start at all.
func (w *window) admit(now time.Time) (measured, ok bool) {
	if !now.Before(w.end) {
		return false, false
	}
	if now.Before(w.start) {
		return false, true
	}
	if w.counted.Add(1) > w.e.o.MaxFlows {
		return false, false
	}
	return true, true
}

// closedLoop keeps Options.Concurrency flows in flight: each worker starts
// its next flow when the previous one ends.
func (w *window) closedLoop(ctx context.Context) {
	var wg sync.WaitGroup
	for range w.e.o.Concurrency {
		wg.Go(func() {
			for ctx.Err() == nil {
				now := time.Now()
				measured, ok := w.admit(now)
				if !ok {
					return
				}
				w.runFlow(ctx, now, measured)
			}
		})
	}
	wg.Wait()
}

// openLoop starts flows at Options.Rate per second on a fixed schedule,
// whatever the answers, and times each flow from the moment it was due, so
// a server that falls behind shows it in the latencies (no coordinated
// omission). At most Options.MaxInFlight flows run at once; a flow due
// while all are busy is dropped and counted.
func (w *window) openLoop(ctx context.Context) (dropped int64) {
	o := w.e.o
	interval := time.Duration(float64(time.Second) / o.Rate)
	slots := make(chan struct{}, o.MaxInFlight)
	var wg sync.WaitGroup
	begin := w.start.Add(-o.Warmup)
	timer := time.NewTimer(0)
	defer timer.Stop()
	for i := int64(0); ctx.Err() == nil; i++ {
		due := begin.Add(time.Duration(i) * interval)
		if d := time.Until(due); d > 0 {
			timer.Reset(d)
			select {
			case <-timer.C:
			case <-ctx.Done():
			}
		}
		measured, ok := w.admit(due)
		if !ok {
			break
		}
		select {
		case slots <- struct{}{}:
			wg.Go(func() {
				defer func() { <-slots }()
				w.runFlow(ctx, due, measured)
			})
		default:
			if measured {
				dropped++
			}
		}
	}
	wg.Wait()
	return dropped
}

// runScenario prepares and runs one scenario and summarises it.
func runScenario(ctx context.Context, e *env, sc scenario) ScenarioResult {
	res := ScenarioResult{Name: sc.name, What: sc.what, Concurrency: e.o.Concurrency, TargetRate: e.o.Rate}
	res.Mode = "closed loop"
	if e.o.Rate > 0 {
		res.Mode = "open loop"
	}
	if sc.prepare != nil {
		if err := sc.prepare(ctx, e); err != nil {
			res.Skipped = err.Error()
			return res
		}
	}
	w := &window{sc: sc, e: e, rec: newRecorder()}
	now := time.Now()
	w.start = now.Add(e.o.Warmup)
	w.end = w.start.Add(e.o.Duration)
	// The CPU mark is taken when the measured time begins.
	var markOnce sync.Once
	mark := func() { markOnce.Do(func() { w.cpu = readCPU(e.o.ServerPIDs) }) }
	timer := time.AfterFunc(e.o.Warmup, mark)
	if e.o.Rate > 0 {
		res.Dropped = w.openLoop(ctx)
	} else {
		w.closedLoop(ctx)
	}
	timer.Stop()
	mark()
	res.fill(w, time.Since(w.start), readCPU(e.o.ServerPIDs))
	return res
}
