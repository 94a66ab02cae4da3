// Package metrics exposes Incognito's Prometheus metrics at GET /metrics:
// requests by service, operation and outcome, their latency, and the Go
// runtime's own collectors. It imports nothing of Incognito's.
package metrics
