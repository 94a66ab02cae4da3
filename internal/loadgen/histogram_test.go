package loadgen

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

func TestBucketsCoverEveryValue(t *testing.T) {
	// Every bucket's bounds map back to it, buckets are contiguous, and
	// the last one reaches MaxInt64.
	var next int64
	for i := 0; i < numBuckets; i++ {
		lo, hi := bucketBounds(i)
		if lo != next {
			t.Fatalf("bucket %d starts at %d, want %d", i, lo, next)
		}
		if hi < lo {
			t.Fatalf("bucket %d: hi %d < lo %d", i, hi, lo)
		}
		if got := bucketOf(lo); got != i {
			t.Fatalf("bucketOf(%d) = %d, want %d", lo, got, i)
		}
		if got := bucketOf(hi); got != i {
			t.Fatalf("bucketOf(%d) = %d, want %d", hi, got, i)
		}
		if i == numBuckets-1 {
			if hi != math.MaxInt64 {
				t.Fatalf("last bucket ends at %d", hi)
			}
			break
		}
		next = hi + 1
	}
}

func TestBucketPrecision(t *testing.T) {
	for _, v := range []int64{0, 1, 127, 128, 129, 255, 256, 1000, 12345, 1e6, 1e9, 36e11, math.MaxInt64} {
		lo, hi := bucketBounds(bucketOf(v))
		if v < lo || v > hi {
			t.Errorf("%d outside its bucket [%d, %d]", v, lo, hi)
		}
		if width := float64(hi - lo); width > float64(v)/subBuckets+1 {
			t.Errorf("bucket of %d is %v wide, more than 1/%d of it", v, width, subBuckets)
		}
	}
}

func TestQuantiles(t *testing.T) {
	ms := time.Millisecond
	tests := []struct {
		name    string
		samples []time.Duration
		q       float64
		want    time.Duration
	}{
		{"empty", nil, 0.5, 0},
		{"one sample", []time.Duration{7 * ms}, 0.99, 7 * ms},
		{"median of 1..100", seq(100, ms), 0.5, 50 * ms},
		{"p95 of 1..100", seq(100, ms), 0.95, 95 * ms},
		{"p99 of 1..100", seq(100, ms), 0.99, 99 * ms},
		{"p99 of 1..1000", seq(1000, ms), 0.99, 990 * ms},
		{"max", seq(100, ms), 1, 100 * ms},
		{"min", seq(100, ms), 0, 1 * ms},
		{"one outlier above p99", append(slices.Repeat([]time.Duration{ms}, 99), time.Second), 0.99, ms},
		{"outlier is p100", append(slices.Repeat([]time.Duration{ms}, 99), time.Second), 0.999, time.Second},
		{"small exact values", []time.Duration{3, 1, 2}, 0.5, 2},
		{"negative is zero", []time.Duration{-5}, 0.5, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var h Histogram
			for _, s := range tc.samples {
				h.Record(s)
			}
			got := h.Quantile(tc.q)
			if !near(got, tc.want) {
				t.Errorf("Quantile(%v) = %v, want %v (within 1/%d)", tc.q, got, tc.want, subBuckets)
			}
			if got < tc.want {
				t.Errorf("Quantile(%v) = %v is below the true %v", tc.q, got, tc.want)
			}
		})
	}
}

// TestQuantilesAgainstSort checks random samples against the exact
// nearest-rank quantile of the sorted samples.
func TestQuantilesAgainstSort(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var h Histogram
	samples := make([]time.Duration, 20000)
	for i := range samples {
		// Log-normal-ish spread from microseconds to seconds.
		samples[i] = time.Duration(math.Exp(r.NormFloat64()*2+14)) + time.Microsecond
		h.Record(samples[i])
	}
	slices.Sort(samples)
	for _, q := range []float64{0.01, 0.25, 0.5, 0.9, 0.95, 0.99, 0.999} {
		want := samples[int(math.Ceil(q*float64(len(samples))))-1]
		if got := h.Quantile(q); !near(got, want) || got < want {
			t.Errorf("Quantile(%v) = %v, exact %v", q, got, want)
		}
	}
	if h.Min() != samples[0] || h.Max() != samples[len(samples)-1] {
		t.Errorf("min/max %v/%v, want %v/%v", h.Min(), h.Max(), samples[0], samples[len(samples)-1])
	}
	var sum time.Duration
	for _, s := range samples {
		sum += s
	}
	if mean := sum / time.Duration(len(samples)); (h.Mean() - mean).Abs() > time.Microsecond {
		t.Errorf("mean %v, want %v", h.Mean(), mean)
	}
}

func TestMerge(t *testing.T) {
	var a, b, all Histogram
	for i := 1; i <= 1000; i++ {
		d := time.Duration(i) * time.Microsecond
		all.Record(d)
		if i%3 == 0 {
			a.Record(d)
		} else {
			b.Record(d)
		}
	}
	var m Histogram
	m.Merge(&a)
	m.Merge(&Histogram{}) // an empty one changes nothing
	m.Merge(&b)
	if m.Count() != 1000 || m.Min() != all.Min() || m.Max() != all.Max() || m.Sum() != all.Sum() {
		t.Fatalf("merged count/min/max/sum %d/%v/%v/%v, want %d/%v/%v/%v",
			m.Count(), m.Min(), m.Max(), m.Sum(), all.Count(), all.Min(), all.Max(), all.Sum())
	}
	for _, q := range []float64{0.5, 0.9, 0.99} {
		if m.Quantile(q) != all.Quantile(q) {
			t.Errorf("q%v: merged %v, direct %v", q, m.Quantile(q), all.Quantile(q))
		}
	}
}

func seq(n int, unit time.Duration) []time.Duration {
	out := make([]time.Duration, n)
	for i := range out {
		out[i] = time.Duration(i+1) * unit
	}
	return out
}

// near reports whether got is within one bucket width of want.
func near(got, want time.Duration) bool {
	return (got - want).Abs() <= want/subBuckets+1
}
