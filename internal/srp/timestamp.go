package srp

import (
	"errors"
	"time"
)

// timestampLayout is TIMESTAMP as the clients write it (Java's
// "EEE MMM d HH:mm:ss 'UTC' yyyy"): English names, day of month not padded.
const timestampLayout = "Mon Jan 2 15:04:05 UTC 2006"

// parseLayout also reads a zero- or space-padded day ("_2" takes "3", "03"
// and " 3").
const parseLayout = "Mon Jan _2 15:04:05 UTC 2006"

// maxTimestampLen bounds the input; real ones are 27 or 28 characters.
const maxTimestampLen = 64

// FormatTimestamp writes t in UTC the way the clients fill TIMESTAMP, e.g.
// "Tue Feb 3 04:05:06 UTC 2026".
func FormatTimestamp(t time.Time) string {
	return t.UTC().Format(timestampLayout)
}

// ParseTimestamp reads a TIMESTAMP, accepting a padded or unpadded day. The
// weekday name must be a weekday name but is not checked against the date.
// The server signs the string as sent; this is only for the age check.
func ParseTimestamp(s string) (time.Time, error) {
	if len(s) > maxTimestampLen {
		return time.Time{}, errors.New("srp: TIMESTAMP too long")
	}
	return time.Parse(parseLayout, s)
}
