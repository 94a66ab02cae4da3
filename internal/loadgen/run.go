package loadgen

import (
	"context"
	"fmt"
	"time"
)

// Run sets up the pool and users, runs every scenario of o one after the
// other, cleans up and reports. A scenario that cannot be prepared is
// reported as skipped; an error means nothing could be measured.
func Run(ctx context.Context, o Options) (*Report, error) {
	o, err := o.withDefaults()
	if err != nil {
		return nil, err
	}
	conns := o.Concurrency
	if o.Rate > 0 {
		conns = o.MaxInFlight
	}
	c, err := NewClient(o.Endpoint, o.Region, o.AccessKey, o.SecretKey, max(conns, o.PreloadConcurrency), o.Timeout)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	e := &env{c: c, o: o}
	rep := &Report{Endpoint: o.Endpoint, Users: o.Users, Duration: o.Duration.Seconds(),
		Warmup: o.Warmup.Seconds(), SRPABits: o.SRPABits, Started: time.Now().UTC()}
	err = e.setup(ctx)
	defer e.cleanup(context.WithoutCancel(ctx))
	rep.PoolID, rep.ClientID, rep.Preload, rep.PreloadSecs = e.poolID, e.client, e.preload, e.preloadTime.Seconds()
	if err != nil {
		return rep, err
	}
	for _, name := range o.Scenarios {
		sc, err := lookupScenario(name)
		if err != nil {
			return rep, err
		}
		fmt.Fprintf(o.Log, "running %s for %v (+%v warm-up)\n", name, o.Duration, o.Warmup)
		rep.Scenarios = append(rep.Scenarios, runScenario(ctx, e, sc))
		if ctx.Err() != nil {
			return rep, ctx.Err()
		}
	}
	return rep, nil
}
