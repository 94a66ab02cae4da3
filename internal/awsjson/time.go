package awsjson

import (
	"strconv"
	"time"
)

// Time is a timestamp on the wire: epoch seconds as a JSON number, with
// millisecond precision, as the AWS JSON protocol encodes timestamps.
type Time struct{ time.Time }

// At wraps t for the wire.
func At(t time.Time) *Time {
	if t.IsZero() {
		return nil
	}
	return &Time{t}
}

// MarshalJSON writes epoch seconds.
func (t Time) MarshalJSON() ([]byte, error) {
	ms := t.UnixMilli()
	return strconv.AppendFloat(nil, float64(ms)/1000, 'f', -1, 64), nil
}

// UnmarshalJSON reads epoch seconds (integer or fractional).
func (t *Time) UnmarshalJSON(b []byte) error {
	f, err := strconv.ParseFloat(string(b), 64)
	if err != nil {
		return ClientError("SerializationException", "timestamps must be epoch seconds")
	}
	t.Time = time.UnixMilli(int64(f * 1000)).UTC()
	return nil
}
