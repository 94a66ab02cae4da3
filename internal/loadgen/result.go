package loadgen

import (
	"encoding/json"
	"time"
)

// Latency summarises a histogram. In JSON every figure is in milliseconds.
type Latency struct {
	Count uint64
	Mean  time.Duration
	P50   time.Duration
	P95   time.Duration
	P99   time.Duration
	Max   time.Duration
}

func summarise(h *Histogram) Latency {
	return Latency{Count: h.Count(), Mean: h.Mean(), P50: h.Quantile(0.50), P95: h.Quantile(0.95),
		P99: h.Quantile(0.99), Max: h.Max()}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// MarshalJSON writes the figures in milliseconds.
func (l Latency) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Count uint64  `json:"count"`
		Mean  float64 `json:"mean_ms"`
		P50   float64 `json:"p50_ms"`
		P95   float64 `json:"p95_ms"`
		P99   float64 `json:"p99_ms"`
		Max   float64 `json:"max_ms"`
	}{l.Count, ms(l.Mean), ms(l.P50), ms(l.P95), ms(l.P99), ms(l.Max)})
}

// OpResult is one operation within a scenario.
type OpResult struct {
	Op       string  `json:"op"`
	Requests int64   `json:"requests"`
	Errors   int64   `json:"errors"`
	PerSec   float64 `json:"requests_per_sec"`
	Latency  Latency `json:"latency"`
}

// ErrorCount is how often one error came back, with its first message.
type ErrorCount struct {
	Op     string `json:"op"`
	Type   string `json:"type"`
	Count  int64  `json:"count"`
	Sample string `json:"sample"`
}

// ScenarioResult is what one scenario measured.
type ScenarioResult struct {
	Name        string  `json:"scenario"`
	What        string  `json:"what"`
	Mode        string  `json:"mode"`
	Concurrency int     `json:"concurrency,omitempty"`
	TargetRate  float64 `json:"target_rate,omitempty"`
	// Skipped says why the scenario could not run (its preparation
	// failed, e.g. an operation the endpoint does not support).
	Skipped string `json:"skipped,omitempty"`

	Seconds        float64 `json:"seconds"` // measured time
	Flows          int64   `json:"flows"`   // successful flows
	FlowErrors     int64   `json:"flow_errors"`
	FlowsPerSec    float64 `json:"flows_per_sec"` // successful flows per second
	Requests       int64   `json:"requests"`
	RequestErrors  int64   `json:"request_errors"`
	RequestsPerSec float64 `json:"requests_per_sec"`
	// Dropped counts open-loop flows that were due while MaxInFlight
	// flows were already running: the rate was not sustained.
	Dropped int64 `json:"dropped,omitempty"`

	Latency Latency      `json:"latency"` // successful flows, end to end
	Ops     []OpResult   `json:"ops"`
	Errors  []ErrorCount `json:"errors,omitempty"`

	// ClientMaths is the generator's SRP maths per flow (srp only).
	ClientMaths *Latency `json:"client_maths,omitempty"`

	// CPU seconds used during the measured time: by the generator, and
	// by the server when its process ID was given.
	GeneratorCPU float64  `json:"generator_cpu_seconds"`
	ServerCPU    *float64 `json:"server_cpu_seconds,omitempty"`

	// Floor is filled by the caller from the crypto floor benchmarks.
	Floor *FloorRatio `json:"floor,omitempty"`
}

// FloorRatio compares a scenario with the cost of its cryptography alone.
type FloorRatio struct {
	OpsPerSec  float64 `json:"ops_per_sec"`                // the floor: flows/s if the server did only the crypto, on all cores
	CPUPerOpMs float64 `json:"cpu_per_op_ms"`              // CPU time of one flow's crypto
	Ratio      float64 `json:"ratio"`                      // FlowsPerSec / OpsPerSec
	ServerCPU  float64 `json:"server_cpu_ratio,omitempty"` // crypto CPU / server CPU per flow, when known
}

// fill summarises a finished window.
func (r *ScenarioResult) fill(w *window, elapsed time.Duration, cpu cpuMark) {
	rec := w.rec
	rec.mu.Lock()
	defer rec.mu.Unlock()
	r.Seconds = elapsed.Seconds()
	r.Flows, r.FlowErrors = rec.flowsOK, rec.flowsErr
	r.Latency = summarise(&rec.flow)
	for _, op := range rec.order {
		o := rec.ops[op]
		n := int64(o.hist.Count())
		r.Requests += n
		r.RequestErrors += o.errors
		r.Ops = append(r.Ops, OpResult{Op: op, Requests: n, Errors: o.errors,
			PerSec: perSec(n, elapsed), Latency: summarise(&o.hist)})
	}
	for _, key := range rec.errOrder {
		e := rec.errs[key]
		r.Errors = append(r.Errors, ErrorCount{Op: e.op, Type: e.typ, Count: e.count, Sample: e.sample})
	}
	if rec.maths.Count() > 0 {
		m := summarise(&rec.maths)
		r.ClientMaths = &m
	}
	r.FlowsPerSec = perSec(r.Flows, elapsed)
	r.RequestsPerSec = perSec(r.Requests, elapsed)
	r.GeneratorCPU = (cpu.self - w.cpu.self).Seconds()
	if cpu.hasServer && w.cpu.hasServer {
		s := (cpu.server - w.cpu.server).Seconds()
		r.ServerCPU = &s
	}
}

func perSec(n int64, d time.Duration) float64 {
	if d <= 0 {
		return 0
	}
	return float64(n) / d.Seconds()
}

// SetFloor records the crypto floor of the scenario, in flows per second
// on all cores and CPU time per flow.
func (r *ScenarioResult) SetFloor(opsPerSec, cpuPerOp float64) {
	if opsPerSec <= 0 {
		return
	}
	f := &FloorRatio{OpsPerSec: opsPerSec, CPUPerOpMs: cpuPerOp * 1000, Ratio: r.FlowsPerSec / opsPerSec}
	if r.ServerCPU != nil && r.Flows > 0 && *r.ServerCPU > 0 {
		f.ServerCPU = cpuPerOp / (*r.ServerCPU / float64(r.Flows))
	}
	r.Floor = f
}

// Report is the result of a run.
type Report struct {
	Endpoint    string           `json:"endpoint"`
	PoolID      string           `json:"user_pool_id"`
	ClientID    string           `json:"client_id"`
	Users       int              `json:"users"`
	Preload     string           `json:"preload"`
	PreloadSecs float64          `json:"preload_seconds,omitempty"`
	Duration    float64          `json:"duration_seconds"`
	Warmup      float64          `json:"warmup_seconds"`
	SRPABits    int              `json:"srp_client_secret_bits"`
	Started     time.Time        `json:"started"`
	Scenarios   []ScenarioResult `json:"scenarios"`
	// Floors are the crypto floors measured in the same run, if asked.
	Floors []Floor `json:"crypto_floors,omitempty"`
}

// Floor is the crypto floor of one scenario (see package floor).
type Floor struct {
	Scenario string `json:"scenario"`
	What     string `json:"what"`
	Procs    int    `json:"procs"`
	// CPUPerOpMs is the CPU time the scenario's cryptography takes per
	// flow, and OpsPerSec = Procs / CPUPerOp the flows per second that
	// cryptography alone allows on all cores: the floor the ratios use.
	CPUPerOpMs float64 `json:"cpu_per_op_ms"`
	OpsPerSec  float64 `json:"ops_per_sec"`
	// WallOpsPerSec is the rate the benchmark reached in wall-clock time
	// with Cores of the Procs cores: lower when other processes ran.
	WallOpsPerSec float64 `json:"wall_ops_per_sec"`
	Cores         float64 `json:"cores"`
}

// CryptoBound are the scenarios whose cost the protocol's cryptography
// should dominate; the performance targets hold them to 80% of their floor.
var CryptoBound = []string{"srp", "password", "refresh"}

// AddFloors records the floors and sets each scenario's ratio to its own.
func (r *Report) AddFloors(floors []Floor) {
	r.Floors = append(r.Floors, floors...)
	for i := range r.Scenarios {
		for _, f := range floors {
			if f.Scenario == r.Scenarios[i].Name && r.Scenarios[i].Skipped == "" {
				r.Scenarios[i].SetFloor(f.OpsPerSec, f.CPUPerOpMs/1000)
			}
		}
	}
}
