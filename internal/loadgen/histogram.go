package loadgen

import (
	"math"
	"math/bits"
	"time"
)

// The histogram is log-linear, in the manner of HdrHistogram: values below
// 2^subBits nanoseconds have a bucket each; above, every power of two is cut
// into 2^subBits equal buckets. A recorded value is thus known to within
// 1/2^subBits (0.8%) of itself, from a nanosecond to hours, in a fixed
// array of about 60 KB whatever the number of samples.
const (
	subBits    = 7
	subBuckets = 1 << subBits
	// numBuckets covers every int64: the largest shift is 63-subBits.
	numBuckets = subBuckets + (64-subBits-1)*subBuckets
)

// Histogram records durations with bounded memory. The zero value is ready
// to use. It is not safe for concurrent use; Merge combines the
// histograms of several goroutines.
type Histogram struct {
	counts   [numBuckets]uint64
	n        uint64
	sum      float64 // nanoseconds; float so that it cannot overflow
	min, max int64
}

// bucketOf returns the index of the bucket holding v (v >= 0).
func bucketOf(v int64) int {
	u := uint64(v)
	if u < subBuckets {
		return int(u)
	}
	shift := bits.Len64(u) - subBits - 1 // >= 0; mantissa in [subBuckets, 2*subBuckets)
	mantissa := u >> uint(shift)
	return subBuckets + shift*subBuckets + int(mantissa-subBuckets)
}

// bucketBounds returns the smallest and largest value bucket i holds.
func bucketBounds(i int) (lo, hi int64) {
	if i < subBuckets {
		return int64(i), int64(i)
	}
	shift := (i - subBuckets) / subBuckets
	mantissa := uint64(subBuckets + (i-subBuckets)%subBuckets)
	lo64 := mantissa << uint(shift)
	hi64 := lo64 + (uint64(1) << uint(shift)) - 1
	if hi64 > math.MaxInt64 {
		hi64 = math.MaxInt64
	}
	return int64(lo64), int64(hi64)
}

// Record adds one duration; negative durations count as zero.
func (h *Histogram) Record(d time.Duration) {
	v := max(int64(d), 0)
	h.counts[bucketOf(v)]++
	if h.n == 0 || v < h.min {
		h.min = v
	}
	if v > h.max {
		h.max = v
	}
	h.n++
	h.sum += float64(v)
}

// Merge adds every sample of o to h.
func (h *Histogram) Merge(o *Histogram) {
	if o.n == 0 {
		return
	}
	for i, c := range o.counts {
		h.counts[i] += c
	}
	if h.n == 0 || o.min < h.min {
		h.min = o.min
	}
	if o.max > h.max {
		h.max = o.max
	}
	h.n += o.n
	h.sum += o.sum
}

// Count is the number of samples.
func (h *Histogram) Count() uint64 { return h.n }

// Min and Max are exact.
func (h *Histogram) Min() time.Duration { return time.Duration(h.min) }

// Max is the largest sample, exactly.
func (h *Histogram) Max() time.Duration { return time.Duration(h.max) }

// Mean is the exact arithmetic mean.
func (h *Histogram) Mean() time.Duration {
	if h.n == 0 {
		return 0
	}
	return time.Duration(h.sum / float64(h.n))
}

// Sum is the total of all samples.
func (h *Histogram) Sum() time.Duration { return time.Duration(h.sum) }

// Quantile returns the q-quantile (0 <= q <= 1) by the nearest-rank
// method: the smallest recorded value v such that at least q of the
// samples are <= v, reported as the upper bound of its bucket (so never
// below the true value, and at most 0.8% above it), clamped to [Min, Max].
// It is 0 for an empty histogram.
func (h *Histogram) Quantile(q float64) time.Duration {
	if h.n == 0 {
		return 0
	}
	if q <= 0 {
		return time.Duration(h.min)
	}
	if q >= 1 {
		return time.Duration(h.max)
	}
	rank := uint64(math.Ceil(q * float64(h.n)))
	if rank < 1 {
		rank = 1
	}
	var seen uint64
	for i, c := range h.counts {
		seen += c
		if seen >= rank {
			_, hi := bucketBounds(i)
			return time.Duration(min(max(hi, h.min), h.max))
		}
	}
	return time.Duration(h.max)
}
