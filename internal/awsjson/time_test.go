package awsjson

import (
	"encoding/json"
	"testing"
	"time"
)

func TestTimeEpochSeconds(t *testing.T) {
	ts := time.Date(2026, 11, 28, 6, 0, 0, 123_000_000, time.UTC)
	b, err := json.Marshal(Time{ts})
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != "1795845600.123" {
		t.Fatalf("got %s", b)
	}
	var back Time
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !back.Equal(ts) {
		t.Fatalf("round trip %v != %v", back, ts)
	}
	if err := json.Unmarshal([]byte(`"soon"`), &back); err == nil {
		t.Fatal("a string timestamp was accepted")
	}
}
