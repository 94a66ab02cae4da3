package loadgen

import (
	"context"
	"errors"
	"net"
	"sync"
	"syscall"
	"time"
)

// maxIdleAge is how long a keep-alive connection may wait unused before it
// is dropped rather than used again: servers close idle connections (Node,
// cognito-local's runtime, after 5 s), and a request sent on one they are
// closing fails.
const maxIdleAge = 3 * time.Second

// connPool holds the idle keep-alive connections to one endpoint. A request
// takes one (or dials), and gives it back if the server keeps it open; at
// most max wait idle, the last one given back first out.
type connPool struct {
	addr string
	max  int
	mu   sync.Mutex
	idle []*leanConn
}

// get returns an idle connection, or dials a new one, following ctx.
func (p *connPool) get(ctx context.Context, now, deadline time.Time) (*leanConn, error) {
	for {
		lc := p.pop()
		if lc == nil {
			return p.dial(ctx, deadline)
		}
		if now.Sub(lc.idle) < maxIdleAge && lc.adopt(ctx) {
			return lc, nil
		}
		lc.close()
	}
}

// pop takes the connection given back last, or nil.
func (p *connPool) pop() *leanConn {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := len(p.idle)
	if n == 0 {
		return nil
	}
	lc := p.idle[n-1]
	p.idle[n-1] = nil
	p.idle = p.idle[:n-1]
	return lc
}

// dial opens a new connection that follows ctx.
func (p *connPool) dial(ctx context.Context, deadline time.Time) (*leanConn, error) {
	d := net.Dialer{Timeout: 5 * time.Second, Deadline: deadline, KeepAlive: 30 * time.Second}
	conn, err := d.DialContext(ctx, "tcp", p.addr)
	if err != nil {
		return nil, err
	}
	lc := newLeanConn(conn)
	lc.adopt(ctx)
	return lc, nil
}

// put gives a connection back, or closes it when enough wait.
func (p *connPool) put(lc *leanConn) {
	lc.idle = time.Now()
	p.mu.Lock()
	if len(p.idle) < p.max {
		p.idle = append(p.idle, lc)
		p.mu.Unlock()
		return
	}
	p.mu.Unlock()
	lc.close()
}

// closeIdle closes the idle connections.
func (p *connPool) closeIdle() {
	p.mu.Lock()
	idle := p.idle
	p.idle = nil
	p.mu.Unlock()
	for _, lc := range idle {
		lc.close()
	}
}

// roundTrip sends the request in lc.req and reads the answer, within
// deadline and while ctx lasts. It returns the connection the answer came
// on, reusable or not; on an error every connection it used is closed.
//
// A keep-alive connection that the server closed while it sat idle fails
// with no answer at all: the request is then sent once more on a new
// connection (the server never read it). A connection that got part of an
// answer, or none within the deadline, is never retried: that failure is
// the server's, and is reported.
func (p *connPool) roundTrip(ctx context.Context, lc *leanConn, deadline time.Time) (*leanConn, answer, bool, error) {
	for retried := false; ; retried = true {
		if err := ctx.Err(); err != nil {
			lc.close()
			return lc, answer{}, false, err
		}
		_ = lc.conn.SetDeadline(deadline)
		a, got, err := lc.exchange()
		if err == nil {
			return lc, a, lc.reusable(a), nil
		}
		reused := lc.used > 0
		lc.close()
		if got || !reused || retried || isTimeout(err) || ctx.Err() != nil {
			return lc, answer{}, false, err
		}
		nc, derr := p.dial(ctx, deadline)
		if derr != nil {
			return lc, answer{}, false, derr
		}
		nc.req, lc.req = lc.req, nc.req
		lc = nc
	}
}

// isTimeout says whether err is a deadline that passed.
func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// isReset says whether err is the peer closing the connection abruptly.
func isReset(err error) bool {
	return errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) || errors.Is(err, net.ErrClosed)
}
