package loadgen

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
)

// WriteJSON writes the report as indented JSON.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// WriteText writes the report for people.
func (r *Report) WriteText(w io.Writer) {
	fmt.Fprintf(w, "endpoint %s  user pool %s  app client %s\n", r.Endpoint, r.PoolID, r.ClientID)
	fmt.Fprintf(w, "users %d, pre-loaded: %s", r.Users, r.Preload)
	if r.PreloadSecs > 0 {
		fmt.Fprintf(w, " (%.1f s)", r.PreloadSecs)
	}
	fmt.Fprintf(w, "\nmeasured %v per scenario after a %v warm-up\n", secs(r.Duration), secs(r.Warmup))
	for i := range r.Scenarios {
		fmt.Fprintln(w)
		r.Scenarios[i].writeText(w, r.SRPABits)
	}
	if len(r.Floors) > 0 {
		r.writeFloors(w)
	}
}

// writeFloors is the summary table of floors and ratios.
func (r *Report) writeFloors(w io.Writer) {
	procs := r.Floors[0].Procs
	fmt.Fprintf(w, "\ncrypto floor: the server's cryptography alone, in-process on %d cores before the load\n", procs)
	fmt.Fprintf(w, "   %-10s %11s %9s %12s %6s %12s %6s  %s\n", "scenario", "CPU/flow ms", "floor/s", "benchmark/s", "cores", "measured/s", "ratio", "work")
	contended := false
	for _, f := range r.Floors {
		measured, ratio := "-", "-"
		for _, s := range r.Scenarios {
			if s.Name == f.Scenario && s.Floor != nil {
				measured = fmt.Sprintf("%.1f", s.FlowsPerSec)
				ratio = fmt.Sprintf("%.0f%%", 100*s.Floor.Ratio)
			}
		}
		mark := ""
		if slices.Contains(CryptoBound, f.Scenario) {
			mark = " *"
		}
		if f.Cores > 0 && f.Cores < 0.9*float64(f.Procs) {
			contended = true
		}
		fmt.Fprintf(w, "   %-10s %11.3f %9.1f %12.1f %6.2f %12s %6s  %s\n",
			f.Scenario+mark, f.CPUPerOpMs, f.OpsPerSec, f.WallOpsPerSec, f.Cores, measured, ratio, f.What)
	}
	fmt.Fprintln(w, "   floor/s = cores / CPU per flow; ratio = measured / floor; * crypto-bound: the target is 80% of the floor")
	if contended {
		fmt.Fprintf(w, "   NOTE: the benchmarks got fewer than %d cores: other processes were running, so benchmark/s is low\n"+
			"   (CPU per flow, and so floor/s, do not depend on it; measured figures from such a machine do)\n", procs)
	}
}
