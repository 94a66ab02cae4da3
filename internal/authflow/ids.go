package authflow

import (
	"io"

	"github.com/google/uuid"
)

// newID returns a random UUID (jti, origin_jti, event_id, state IDs).
func newID(rand io.Reader) string {
	id, err := uuid.NewRandomFromReader(rand)
	if err != nil {
		panic("authflow: random source failed: " + err.Error())
	}
	return id.String()
}
