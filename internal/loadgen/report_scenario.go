package loadgen

import (
	"fmt"
	"io"
	"strings"
	"time"
)

func secs(s float64) time.Duration { return time.Duration(s * float64(time.Second)) }

// writeText is one scenario's block of the text report.
func (s *ScenarioResult) writeText(w io.Writer, aBits int) {
	load := fmt.Sprintf("concurrency %d", s.Concurrency)
	if s.TargetRate > 0 {
		load = fmt.Sprintf("target %.0f flows/s", s.TargetRate)
	}
	fmt.Fprintf(w, "== %s: %s\n   %s, %s\n", s.Name, s.What, s.Mode, load)
	if s.Skipped != "" {
		fmt.Fprintf(w, "   SKIPPED: %s\n", s.Skipped)
		return
	}
	fmt.Fprintf(w, "   flows     %8d ok %6d failed  %9.1f flows/s   requests %d (%d failed), %.1f req/s over %.1f s\n",
		s.Flows, s.FlowErrors, s.FlowsPerSec, s.Requests, s.RequestErrors, s.RequestsPerSec, s.Seconds)
	if s.Dropped > 0 {
		fmt.Fprintf(w, "   DROPPED   %d flows due while all in-flight slots were busy: the rate was not sustained\n", s.Dropped)
	}
	fmt.Fprintf(w, "   %-28s %s\n", "latency", latencyHeader)
	fmt.Fprintf(w, "   %-28s %s\n", "flow (end to end)", s.Latency.text())
	for _, op := range s.Ops {
		fmt.Fprintf(w, "   %-28s %s\n", op.Op, op.Latency.text())
	}
	if m := s.ClientMaths; m != nil {
		fmt.Fprintf(w, "   %-28s %s\n", fmt.Sprintf("client SRP maths, %d-bit a", aBits), m.text())
		if s.Latency.Mean > 0 {
			share := float64(m.Mean) / float64(s.Latency.Mean)
			fmt.Fprintf(w, "   the generator's SRP maths is %.0f%% of a flow's mean time; the requests (server + network) %.0f%%\n",
				100*share, 100*(1-share))
		}
	}
	cpu := fmt.Sprintf("   CPU: generator %.2f s (%.2f cores", s.GeneratorCPU, s.GeneratorCPU/max(s.Seconds, 1e-9))
	if s.Flows > 0 {
		cpu += fmt.Sprintf(", %.3f ms per flow", 1000*s.GeneratorCPU/float64(s.Flows))
	}
	cpu += ")"
	if s.ServerCPU != nil {
		cpu += fmt.Sprintf(", server %.2f s (%.2f cores", *s.ServerCPU, *s.ServerCPU/max(s.Seconds, 1e-9))
		if s.Flows > 0 {
			cpu += fmt.Sprintf(", %.2f ms per flow", 1000**s.ServerCPU/float64(s.Flows))
		}
		cpu += ")"
	}
	fmt.Fprintln(w, cpu)
	if f := s.Floor; f != nil {
		line := fmt.Sprintf("   crypto floor %.0f flows/s (%.2f ms CPU per flow): measured %.0f%% of the floor",
			f.OpsPerSec, f.CPUPerOpMs, 100*f.Ratio)
		if f.ServerCPU > 0 {
			line += fmt.Sprintf("; crypto is %.0f%% of the server's CPU per flow", 100*f.ServerCPU)
		}
		fmt.Fprintln(w, line)
	}
	for _, e := range s.Errors {
		fmt.Fprintf(w, "   error %-26s %-34s x%-6d e.g. %s\n", e.Op, e.Type, e.Count, oneLine(e.Sample, 120))
	}
}

const latencyHeader = "     p50      p95      p99      max     mean  (ms)"

func (l Latency) text() string {
	if l.Count == 0 {
		return "       -"
	}
	return fmt.Sprintf("%8.2f %8.2f %8.2f %8.2f %8.2f", ms(l.P50), ms(l.P95), ms(l.P99), ms(l.Max), ms(l.Mean))
}

func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > n {
		s = s[:n] + "..."
	}
	return s
}
