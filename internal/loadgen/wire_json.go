package loadgen

import (
	"encoding/json"

	gojson "github.com/goccy/go-json"
)

// Requests are written by encoding/json; answers are read by
// github.com/goccy/go-json, a drop-in for encoding/json's Unmarshal (same
// struct tags, same values, same refusals) that reads the kilobytes of
// tokens in the scenarios' answers for a seventh to a tenth of
// encoding/json's CPU. The generator usually shares its machine with the
// server it measures, so what it spends is taken from the server.

// appendBody appends the JSON of in to b.
func appendBody(b []byte, in any) ([]byte, error) {
	data, err := json.Marshal(in)
	if err != nil {
		return b, err
	}
	return append(b, data...), nil
}

// decodeBody reads the answer data into out.
func decodeBody(data []byte, out any) error {
	return gojson.Unmarshal(data, out)
}
