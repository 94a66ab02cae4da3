//go:build !unix

package floor

import "time"

// processCPU is not measured here; CPUPerOp then comes from the wall time.
func processCPU() time.Duration { return 0 }
