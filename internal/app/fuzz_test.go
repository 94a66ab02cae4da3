package app

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"sort"
	"testing"

	"github.com/incognito-idp/incognito/internal/awsjson"
	"github.com/incognito-idp/incognito/internal/config"
	"github.com/incognito-idp/incognito/internal/seed"
)

// FuzzOperations sends arbitrary JSON bodies to every operation of both
// AWS JSON APIs, on a real store seeded with the quickstart file: bad input
// must get a client error (Cognito's __type), never an internal error, a
// panic or a 500.
func FuzzOperations(f *testing.F) {
	cfg := config.Defaults()
	cfg.DataDir = f.TempDir()
	ctx := context.Background()
	a, err := New(ctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { a.Close() })
	file, err := seed.Load("../../examples/quickstart.yaml")
	if err != nil {
		f.Fatal(err)
	}
	report, err := seed.Apply(ctx, a.Pools, file)
	if err != nil {
		f.Fatal(err)
	}
	if err := seed.ApplyIdentityPools(ctx, a.Identity, file, report); err != nil {
		f.Fatal(err)
	}
	type op struct {
		name string
		h    awsjson.Handler
	}
	var ops []op
	for _, svc := range a.Services {
		for name, o := range svc.Operations {
			ops = append(ops, op{svc.Target + "." + name, o.Handle})
		}
	}
	sort.Slice(ops, func(i, j int) bool { return ops[i].name < ops[j].name })
	for i := range ops {
		f.Add(uint16(i), []byte(`{}`))
		f.Add(uint16(i), []byte(`{"UserPoolId":"us-east-1_DemoPool1","ClientId":"demoapp0web0client00000001","Username":"alice","MaxResults":5,"Limit":5}`))
		f.Add(uint16(i), []byte(`{"IdentityPoolId":"us-east-1:d3a0c0de-0000-4000-8000-00000000d3a0","MaxResults":5,"AuthFlow":"USER_SRP_AUTH","AuthParameters":{"USERNAME":"alice","SRP_A":"0"}}`))
	}
	f.Fuzz(func(t *testing.T, which uint16, body []byte) {
		o := ops[int(which)%len(ops)]
		_, err := o.h(ctx, body)
		if err == nil {
			return
		}
		var wire *awsjson.Error
		if !errors.As(err, &wire) || wire.Status >= 500 {
			t.Fatalf("%s with %q: internal error %v", o.name, body, err)
		}
	})
}
