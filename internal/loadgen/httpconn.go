package loadgen

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strconv"
	"sync/atomic"
	"time"
)

// The lean HTTP/1.1 client of plain http:// endpoints. The generator shares
// its machine with the server it measures, so every CPU cycle it spends is
// taken from the server: net/http's client (a reader and a writer
// goroutine per connection, header maps, a context per request) costs
// more than the AWS JSON 1.1 requests need. A leanConn is one keep-alive
// connection used by one request at a time: the request is written from a
// reused buffer in a single write, the answer read on the same goroutine
// with a bufio.Reader, and the body into a reused buffer.

// Limits of an answer the generator reads.
const (
	maxAnswerBody    = 8 << 20 // bytes of body
	maxAnswerHeaders = 64 << 10
	maxHeaderLines   = 128
	connReadBuffer   = 8 << 10
)

// leanConn is one keep-alive connection to an endpoint.
type leanConn struct {
	conn   net.Conn
	rw     io.ReadWriter // conn's bytes (see newConnIO)
	br     *bufio.Reader
	req    []byte // the request being written
	body   []byte // the request body being built
	answer []byte // the last answer's body
	used   int    // requests answered on this connection
	idle   time.Time

	// A cancellation of the context watched breaks the I/O in flight
	// and retires the connection. The generator passes one context to
	// all its flows, so the watch is set once per connection, not per
	// request.
	watched  context.Context
	unwatch  func() bool
	canceled atomic.Bool
}

func newLeanConn(conn net.Conn) *leanConn {
	rw := newConnIO(conn)
	return &leanConn{conn: conn, rw: rw, br: bufio.NewReaderSize(rw, connReadBuffer)}
}

// adopt makes a cancellation of ctx, and of no other context, break the
// connection's I/O. It says false when the connection cannot be used: a
// cancellation reached it or is under way.
func (lc *leanConn) adopt(ctx context.Context) bool {
	if lc.canceled.Load() {
		return false
	}
	if ctx == lc.watched {
		return true
	}
	if lc.unwatch != nil {
		if !lc.unwatch() {
			return false // the watched context is done: its abort runs
		}
		lc.watched, lc.unwatch = nil, nil
	}
	if ctx.Done() != nil {
		lc.watched = ctx
		lc.unwatch = context.AfterFunc(ctx, func() {
			lc.canceled.Store(true)
			_ = lc.conn.SetDeadline(time.Unix(1, 0)) // long past: fails the I/O
		})
	}
	return true
}

// close closes the connection and drops its watch.
func (lc *leanConn) close() {
	if lc.unwatch != nil {
		lc.unwatch()
	}
	_ = lc.conn.Close()
}

// answer is one HTTP answer as the generator reads it. body is valid until
// the connection's next request.
type answer struct {
	status    int
	errorType string // X-Amzn-ErrorType
	body      []byte
	close     bool // the server closes the connection after this answer
}

// headers is what a request carries beside Host, User-Agent, Content-Type
// and Content-Length: the target and, on signed calls, the SigV4 headers.
type headers struct {
	target string
	extra  []string // name, value pairs
}

// appendRequest appends the POST of body to path on host.
func appendRequest(b []byte, path, host string, h *headers, body []byte) []byte {
	b = append(b, "POST "...)
	b = append(b, path...)
	b = append(b, " HTTP/1.1\r\nHost: "...)
	b = append(b, host...)
	b = append(b, "\r\nUser-Agent: incognito-load\r\nContent-Type: application/x-amz-json-1.1\r\nX-Amz-Target: "...)
	b = append(b, h.target...)
	b = append(b, "\r\nContent-Length: "...)
	b = strconv.AppendInt(b, int64(len(body)), 10)
	for i := 0; i+1 < len(h.extra); i += 2 {
		b = append(b, "\r\n"...)
		b = append(b, h.extra[i]...)
		b = append(b, ": "...)
		b = append(b, h.extra[i+1]...)
	}
	b = append(b, "\r\n\r\n"...)
	return append(b, body...)
}

// exchange writes the request in lc.req and reads the answer. got says
// whether any byte of an answer arrived (a keep-alive connection the
// server closed while idle fails with none).
func (lc *leanConn) exchange() (a answer, got bool, err error) {
	if _, err := lc.rw.Write(lc.req); err != nil {
		return answer{}, false, err
	}
	a, err = readAnswer(lc.br, lc.answer[:0])
	if err != nil {
		return answer{}, !errors.Is(err, errNoAnswer), err
	}
	lc.answer = a.body
	lc.used++
	return a, true, nil
}

// reusable says whether the connection can carry another request: the
// server keeps it open, sent nothing beyond the answer, and no
// cancellation broke it.
func (lc *leanConn) reusable(a answer) bool {
	return !a.close && lc.br.Buffered() == 0 && !lc.canceled.Load()
}

// errNoAnswer wraps a failure before the first byte of an answer.
var errNoAnswer = errors.New("no answer")

// errMalformed is an answer that is not HTTP/1.x.
type errMalformed string

func (e errMalformed) Error() string { return "malformed HTTP answer: " + string(e) }

// readAnswer reads one HTTP/1.x answer from br, its body appended to body.
// Informational (1xx) answers are skipped. It reads the body whole: by
// Content-Length, chunked, or, with neither, up to the end of the
// connection.
func readAnswer(br *bufio.Reader, body []byte) (answer, error) {
	for {
		a, length, chunked, err := readHead(br)
		if err != nil {
			return answer{}, err
		}
		if a.status >= 100 && a.status < 200 {
			if a.status == 101 {
				return answer{}, errMalformed("101 Switching Protocols")
			}
			continue
		}
		switch {
		case a.status == 204 || a.status == 304:
			a.body = body[:0]
		case chunked:
			a.body, err = readChunked(br, body[:0])
		case length >= 0:
			a.body, err = readLength(br, body[:0], length)
		default:
			a.body, err = readToEOF(br, body[:0])
			a.close = true
		}
		return a, err
	}
}

// readHead reads a status line and the header lines after it. length is
// the Content-Length, or -1 when none was given.
func readHead(br *bufio.Reader) (a answer, length int64, chunked bool, err error) {
	line, err := readLine(br)
	if err != nil {
		if len(line) == 0 && (err == io.EOF || isReset(err)) {
			return a, 0, false, fmt.Errorf("%w: %w", errNoAnswer, err)
		}
		return a, 0, false, unexpected(err)
	}
	proto, rest, ok := bytes.Cut(line, []byte(" "))
	minor := -1
	if len(proto) == 8 && string(proto[:7]) == "HTTP/1." && proto[7] >= '0' && proto[7] <= '9' {
		minor = int(proto[7] - '0')
	}
	if !ok || minor < 0 || len(rest) < 3 || (len(rest) > 3 && rest[3] != ' ') {
		return a, 0, false, errMalformed(fmt.Sprintf("status line %q", trimLine(line)))
	}
	for _, c := range rest[:3] {
		if c < '0' || c > '9' {
			return a, 0, false, errMalformed(fmt.Sprintf("status line %q", trimLine(line)))
		}
	}
	a.status = int(rest[0]-'0')*100 + int(rest[1]-'0')*10 + int(rest[2]-'0')
	if a.status < 100 {
		return a, 0, false, errMalformed(fmt.Sprintf("status %d", a.status))
	}
	// HTTP/1.0 closes after the answer unless asked to keep alive.
	a.close = minor == 0
	length = -1
	var coded bool // a Transfer-Encoding was given
	total := len(line)
	for n := 0; ; n++ {
		line, err = readLine(br)
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return a, 0, false, err
		}
		if len(line) == 0 {
			if coded && !chunked {
				// A body coded otherwise runs to the end of the
				// connection.
				length, a.close = -1, true
			}
			return a, length, chunked, nil
		}
		if total += len(line); total > maxAnswerHeaders || n >= maxHeaderLines {
			return a, 0, false, errMalformed("too many header bytes")
		}
		name, value, ok := bytes.Cut(line, []byte(":"))
		if !ok || len(name) == 0 || name[0] == ' ' || name[0] == '\t' || name[len(name)-1] == ' ' {
			return a, 0, false, errMalformed(fmt.Sprintf("header line %q", trimLine(line)))
		}
		value = bytes.Trim(value, " \t")
		switch {
		case bytes.EqualFold(name, []byte("Content-Length")):
			n, err := strconv.ParseUint(string(value), 10, 63)
			if err != nil || (length >= 0 && int64(n) != length) {
				return a, 0, false, errMalformed(fmt.Sprintf("Content-Length %q", trimLine(value)))
			}
			length = int64(n)
		case bytes.EqualFold(name, []byte("Transfer-Encoding")) && minor > 0:
			// Only chunked matters, as the last coding; HTTP/1.0 has
			// no codings.
			coded, chunked = true, lastToken(value, "chunked")
		case bytes.EqualFold(name, []byte("Connection")):
			if hasToken(value, "close") {
				a.close = true
			} else if minor == 0 && hasToken(value, "keep-alive") {
				a.close = false
			}
		case bytes.EqualFold(name, []byte("X-Amzn-ErrorType")):
			a.errorType = string(value)
		}
	}
}

// readLine reads one line without its CRLF (or bare LF).
func readLine(br *bufio.Reader) ([]byte, error) {
	line, err := br.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		return nil, errMalformed("header line too long")
	}
	if err != nil {
		return line, err
	}
	line = line[:len(line)-1]
	if n := len(line); n > 0 && line[n-1] == '\r' {
		line = line[:n-1]
	}
	return line, nil
}

func readLength(br *bufio.Reader, body []byte, n int64) ([]byte, error) {
	if n > maxAnswerBody {
		return body, errMalformed(fmt.Sprintf("body of %d bytes", n))
	}
	return readN(br, body, int(n))
}

// readN appends exactly n bytes of br to body.
func readN(br *bufio.Reader, body []byte, n int) ([]byte, error) {
	start := len(body)
	body = grow(body, n)
	if _, err := io.ReadFull(br, body[start:]); err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return body[:start], err
	}
	return body, nil
}

// grow extends b by n bytes, reusing its capacity.
func grow(b []byte, n int) []byte {
	if cap(b)-len(b) < n {
		nb := make([]byte, len(b), len(b)+n)
		copy(nb, b)
		b = nb
	}
	return b[:len(b)+n]
}

// readChunked reads a chunked body and the trailer after it.
func readChunked(br *bufio.Reader, body []byte) ([]byte, error) {
	for {
		line, err := readLine(br)
		if err != nil {
			return body, unexpected(err)
		}
		if i := bytes.IndexByte(line, ';'); i >= 0 {
			line = line[:i]
		}
		line = bytes.TrimRight(line, " \t")
		if len(line) == 0 || len(line) > 8 {
			return body, errMalformed(fmt.Sprintf("chunk size %q", trimLine(line)))
		}
		size, err := strconv.ParseUint(string(line), 16, 32)
		if err != nil {
			return body, errMalformed(fmt.Sprintf("chunk size %q", trimLine(line)))
		}
		if size == 0 {
			break
		}
		if uint64(len(body))+size > maxAnswerBody {
			return body, errMalformed("chunked body too large")
		}
		if body, err = readN(br, body, int(size)); err != nil {
			return body, err
		}
		line, err = readLine(br)
		if err != nil {
			return body, unexpected(err)
		}
		if len(line) != 0 {
			return body, errMalformed("chunk not followed by CRLF")
		}
	}
	// Trailer lines, up to the empty one.
	for n := 0; ; n++ {
		line, err := readLine(br)
		if err != nil {
			return body, unexpected(err)
		}
		if len(line) == 0 {
			return body, nil
		}
		if n >= maxHeaderLines {
			return body, errMalformed("too many trailer lines")
		}
	}
}

// readToEOF reads a body that ends with the connection.
func readToEOF(br *bufio.Reader, body []byte) ([]byte, error) {
	for {
		if len(body) == cap(body) {
			body = append(body, 0)[:len(body)]
		}
		n, err := br.Read(body[len(body):cap(body)])
		body = body[:len(body)+n]
		if len(body) > maxAnswerBody {
			return body, errMalformed("body too large")
		}
		if err == io.EOF {
			return body, nil
		}
		if err != nil {
			return body, err
		}
	}
}

func unexpected(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

// hasToken says whether the comma-separated list v holds token, in any
// case.
func hasToken(v []byte, token string) bool {
	for len(v) > 0 {
		var t []byte
		t, v, _ = bytes.Cut(v, []byte(","))
		if bytes.EqualFold(bytes.Trim(t, " \t"), []byte(token)) {
			return true
		}
	}
	return false
}

// lastToken says whether the comma-separated list v ends with token.
func lastToken(v []byte, token string) bool {
	if i := bytes.LastIndexByte(v, ','); i >= 0 {
		v = v[i+1:]
	}
	return bytes.EqualFold(bytes.Trim(v, " \t"), []byte(token))
}

func trimLine(b []byte) []byte { return b[:min(len(b), 80)] }
