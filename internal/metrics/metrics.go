package metrics

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics is one registry with Incognito's collectors.
type Metrics struct {
	registry *prometheus.Registry
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
}

// New registers the collectors on a fresh registry (never the global one).
func New() *Metrics {
	m := &Metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "incognito_requests_total",
			Help: "API requests by service, operation and outcome (ok or the error __type).",
		}, []string{"service", "operation", "outcome"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "incognito_request_duration_seconds",
			Help:    "API request latency by service and operation.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5},
		}, []string{"service", "operation"}),
	}
	m.registry.MustRegister(m.requests, m.duration,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// ObserveRequest records one API request. Unknown operations are folded
// into "unknown" so a caller cannot grow the label set at will.
func (m *Metrics) ObserveRequest(service, operation, outcome string, d time.Duration) {
	m.requests.WithLabelValues(service, operation, outcome).Inc()
	m.duration.WithLabelValues(service, operation).Observe(d.Seconds())
}

// Handler serves the exposition format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{})
}
