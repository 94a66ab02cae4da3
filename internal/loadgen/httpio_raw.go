//go:build linux && !race

package loadgen

import (
	"io"
	"net"
	"os"
	"syscall"
	"unsafe"
)

// rawIO reads and writes a TCP connection with raw system calls on its
// non-blocking socket, waiting through the runtime's poller as net.Conn
// does (deadlines included). A raw call skips the runtime's bookkeeping
// of a blocking system call, which on a mostly idle generator wakes the
// runtime's monitor thread on every read and write: that wake-up was a
// fifth of the generator's CPU time.
//
// Built with the race detector, the generator uses net.Conn's own Read and
// Write instead: the detector learns from them (not from raw calls) that
// bytes written on one end were read on the other.
type rawIO struct {
	rc      syscall.RawConn
	p       []byte
	n       int
	errno   syscall.Errno
	readFn  func(fd uintptr) bool
	writeFn func(fd uintptr) bool
}

// newConnIO returns the reader and writer of conn's bytes.
func newConnIO(conn net.Conn) io.ReadWriter {
	sc, ok := conn.(syscall.Conn)
	if !ok {
		return conn
	}
	rc, err := sc.SyscallConn()
	if err != nil {
		return conn
	}
	r := &rawIO{rc: rc}
	r.readFn = r.read
	r.writeFn = r.write
	return r
}

// read is one read(2) into r.p; false asks to wait for the socket.
func (r *rawIO) read(fd uintptr) bool {
	for {
		n, _, errno := syscall.RawSyscall(syscall.SYS_READ, fd, uintptr(unsafe.Pointer(unsafe.SliceData(r.p))), uintptr(len(r.p)))
		switch errno {
		case syscall.EINTR:
			continue
		case syscall.EAGAIN:
			return false
		case 0:
			r.n = int(n)
		}
		r.errno = errno
		return true
	}
}

// write writes what is left of r.p; false asks to wait for the socket.
func (r *rawIO) write(fd uintptr) bool {
	for r.n < len(r.p) {
		rest := r.p[r.n:]
		n, _, errno := syscall.RawSyscall(syscall.SYS_WRITE, fd, uintptr(unsafe.Pointer(unsafe.SliceData(rest))), uintptr(len(rest)))
		switch errno {
		case syscall.EINTR:
			continue
		case syscall.EAGAIN:
			return false
		case 0:
			r.n += int(n)
			continue
		}
		r.errno = errno
		return true
	}
	return true
}

func (r *rawIO) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	r.p, r.n, r.errno = p, 0, 0
	err := r.rc.Read(r.readFn)
	r.p = nil
	switch {
	case err != nil:
		return 0, err
	case r.errno != 0:
		return 0, os.NewSyscallError("read", r.errno)
	case r.n == 0:
		return 0, io.EOF
	}
	return r.n, nil
}

func (r *rawIO) Write(p []byte) (int, error) {
	r.p, r.n, r.errno = p, 0, 0
	err := r.rc.Write(r.writeFn)
	r.p = nil
	switch {
	case err != nil:
		return r.n, err
	case r.errno != 0:
		return r.n, os.NewSyscallError("write", r.errno)
	}
	return r.n, nil
}
