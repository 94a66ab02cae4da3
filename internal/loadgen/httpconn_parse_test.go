package loadgen

import (
	"bufio"
	"bytes"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
)

func readString(raw string) (answer, error) {
	return readAnswer(bufio.NewReaderSize(strings.NewReader(raw), connReadBuffer), nil)
}

// TestReadAnswer: the parser's limits and what it refuses.
func TestReadAnswer(t *testing.T) {
	tests := []struct {
		name      string
		raw       string
		ok        bool
		status    int
		body      string
		close     bool
		errorType string
	}{
		{"plain", "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}", true, 200, "{}", false, ""},
		{"no reason", "HTTP/1.1 404\r\nContent-Length: 0\r\n\r\n", true, 404, "", false, ""},
		{"header case and spaces", "HTTP/1.1 400 x\r\ncontent-length:  3 \r\nx-amzn-errortype:\tA#B \r\nCONNECTION: Keep-Alive, Close\r\n\r\nabc", true, 400, "abc", true, "A#B"},
		{"same length twice", "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\nx", true, 200, "x", false, ""},
		{"two lengths", "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nxy", false, 0, "", false, ""},
		{"signed length", "HTTP/1.1 200 OK\r\nContent-Length: +1\r\n\r\nx", false, 0, "", false, ""},
		{"chunked beats length", "HTTP/1.1 200 OK\r\nContent-Length: 99\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nx\r\n0\r\n\r\n", true, 200, "x", false, ""},
		{"other coding: to the end", "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\nContent-Length: 1\r\n\r\nxyz", true, 200, "xyz", true, ""},
		{"HTTP/1.0 ignores codings", "HTTP/1.0 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", true, 200, "0\r\n\r\n", true, ""},
		{"no content", "HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\n", true, 204, "", false, ""},
		{"informational skipped", "HTTP/1.1 103 Early Hints\r\nLink: x\r\n\r\nHTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx", true, 200, "x", false, ""},
		{"switching protocols", "HTTP/1.1 101 Switching Protocols\r\n\r\n", false, 0, "", false, ""},
		{"status below 100", "HTTP/1.1 099 x\r\n\r\n", false, 0, "", false, ""},
		{"status too long", "HTTP/1.1 2000 OK\r\n\r\n", false, 0, "", false, ""},
		{"HTTP/2", "HTTP/2.0 200 OK\r\n\r\n", false, 0, "", false, ""},
		{"folded header", "HTTP/1.1 200 OK\r\nX-A: 1\r\n 2\r\nContent-Length: 0\r\n\r\n", false, 0, "", false, ""},
		{"no colon", "HTTP/1.1 200 OK\r\nContent-Length 0\r\n\r\n", false, 0, "", false, ""},
		{"empty", "", false, 0, "", false, ""},
		{"chunk of 2^32", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n100000000\r\n", false, 0, "", false, ""},
		{"chunk size in hex", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nA \r\n0123456789\r\n0\r\n\r\n", true, 200, "0123456789", false, ""},
		{"chunk without CRLF", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nxy\r\n0\r\n\r\n", false, 0, "", false, ""},
		{"no trailer end", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n", false, 0, "", false, ""},
		{"body too large", "HTTP/1.1 200 OK\r\nContent-Length: " + strconv.Itoa(maxAnswerBody+1) + "\r\n\r\n", false, 0, "", false, ""},
		{"header line too long", "HTTP/1.1 200 OK\r\nX-A: " + strings.Repeat("a", connReadBuffer) + "\r\n\r\n", false, 0, "", false, ""},
		{"too many headers", "HTTP/1.1 200 OK\r\n" + strings.Repeat("X-A: 1\r\n", maxHeaderLines+1) + "\r\n", false, 0, "", false, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := readString(tc.raw)
			if !tc.ok {
				if err == nil {
					t.Fatalf("read %+v, want an error", a)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if a.status != tc.status || string(a.body) != tc.body || a.close != tc.close || a.errorType != tc.errorType {
				t.Errorf("got status %d body %q close %v error type %q", a.status, a.body, a.close, a.errorType)
			}
		})
	}
}

// TestReadAnswerReusesBuffer: the body goes into the buffer given.
func TestReadAnswerReusesBuffer(t *testing.T) {
	buf := make([]byte, 0, 64)
	a, err := readAnswer(bufio.NewReader(strings.NewReader("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}")), buf)
	if err != nil || string(a.body) != "{}" || &a.body[0] != &buf[:1][0] {
		t.Errorf("body %q, %v: not in the buffer given", a.body, err)
	}
}

// FuzzReadAnswer: the answer parser never panics nor reads past its limits,
// and whatever both it and net/http read as a final answer, they read
// alike: the same status and the same body.
func FuzzReadAnswer(f *testing.F) {
	for _, s := range []string{
		okAnswer,
		"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;x=1\r\nhello\r\n0\r\nT: 1\r\n\r\n",
		"HTTP/1.1 400 Bad Request\r\nX-Amzn-ErrorType: NotAuthorizedException\r\nContent-Length: 2\r\n\r\n{}",
		"HTTP/1.0 200 OK\r\n\r\nto the end",
		"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n",
		"HTTP/1.1 200 OK\r\nConnection: close\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
		"HTTP/1.1 200 OK\nContent-Length: 1\n\nx",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := readAnswer(bufio.NewReaderSize(bytes.NewReader(data), connReadBuffer), nil)
		if err != nil {
			return
		}
		if a.status < 200 && a.status != 101 && a.status >= 100 {
			t.Fatalf("informational answer %d returned", a.status)
		}
		if len(a.body) > maxAnswerBody || len(a.body) > len(data) {
			t.Fatalf("body of %d bytes from %d", len(a.body), len(data))
		}
		resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(data)), nil)
		if err != nil || resp.StatusCode < 200 {
			return
		}
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			return
		}
		if resp.StatusCode != a.status || !bytes.Equal(body, a.body) {
			t.Fatalf("net/http reads status %d body %q; the lean parser %d %q", resp.StatusCode, body, a.status, a.body)
		}
	})
}
