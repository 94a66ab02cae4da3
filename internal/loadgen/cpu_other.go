//go:build !unix

package loadgen

import "time"

// selfCPU is not measured here: the report shows 0.
func selfCPU() time.Duration { return 0 }
