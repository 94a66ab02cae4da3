package loadgen

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestReportOutput(t *testing.T) {
	rep := runFake(t, &fakeCognito{failEvery: 3}, func(o *Options) { o.MaxFlows = 30; o.Duration = time.Minute })
	rep.AddFloors([]Floor{
		{Scenario: "getuser", What: "VerifyUse(access)", Procs: 2, CPUPerOpMs: 0.1, OpsPerSec: 20000, WallOpsPerSec: 9000, Cores: 1.1},
		{Scenario: "srp", What: "SRP", Procs: 2, CPUPerOpMs: 4, OpsPerSec: 500, WallOpsPerSec: 500, Cores: 2},
	})
	s := rep.Scenarios[0]
	if s.Floor == nil || s.Floor.OpsPerSec != 20000 || s.Floor.Ratio != s.FlowsPerSec/20000 {
		t.Fatalf("floor of getuser: %+v", s.Floor)
	}

	var text bytes.Buffer
	rep.WriteText(&text)
	for _, want := range []string{
		"== getuser: GetUser with an access token",
		"closed loop, concurrency 2",
		"flow (end to end)",
		"error GetUser",
		"NotAuthorizedException",
		"crypto floor 20000 flows/s (0.10 ms CPU per flow)",
		"srp *", // in the floor table though not run
		"NOTE: the benchmarks got fewer than 2 cores",
		"CPU: generator ",
		" ms per flow)", // the generator's CPU per flow
	} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("text report lacks %q:\n%s", want, text.String())
		}
	}

	var js bytes.Buffer
	if err := rep.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	var back struct {
		Scenarios []struct {
			Scenario string `json:"scenario"`
			Flows    int64  `json:"flows"`
			Latency  struct {
				Count uint64  `json:"count"`
				P99   float64 `json:"p99_ms"`
			} `json:"latency"`
			Errors []ErrorCount `json:"errors"`
			Floor  *FloorRatio  `json:"floor"`
		} `json:"scenarios"`
		Floors []Floor `json:"crypto_floors"`
	}
	if err := json.Unmarshal(js.Bytes(), &back); err != nil {
		t.Fatalf("%v:\n%s", err, js.String())
	}
	g := back.Scenarios[0]
	if g.Scenario != "getuser" || g.Flows != s.Flows || g.Latency.Count != uint64(s.Flows) || g.Latency.P99 <= 0 ||
		len(g.Errors) != 1 || g.Floor == nil || len(back.Floors) != 2 {
		t.Errorf("JSON report read back as %+v", back)
	}
}
