//go:build !linux || race

package loadgen

import (
	"io"
	"net"
)

// newConnIO returns the reader and writer of conn's bytes: conn itself.
func newConnIO(conn net.Conn) io.ReadWriter { return conn }
