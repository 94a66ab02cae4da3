package loadgen

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

// APIError is an error answer of the endpoint, or a failure to get one.
// Type is the Cognito error name (the "__type" without its namespace),
// or one of the generator's own kinds below.
type APIError struct {
	Type    string
	Message string
	Status  int // HTTP status; 0 when no answer came
}

func (e *APIError) Error() string {
	if e.Status == 0 {
		return e.Type + ": " + e.Message
	}
	return fmt.Sprintf("%s (HTTP %d): %s", e.Type, e.Status, e.Message)
}

// Error kinds that are not Cognito's own.
const (
	ErrTransport   = "TransportError"   // no HTTP answer: connection refused, reset, ...
	ErrTimeout     = "Timeout"          // no answer within Options.Timeout
	ErrBadResponse = "BadResponse"      // a success answer the scenario cannot use
	ErrHTTP        = "HTTPError"        // an error status without a Cognito error body
	ErrClientMaths = "ClientSRPFailure" // srp.Client refused the server's values
)

// errorType returns the Type of an *APIError, or the error's text.
func errorType(err error) string {
	var e *APIError
	if errors.As(err, &e) {
		return e.Type
	}
	return err.Error()
}

// badResponse is the error of a success answer that lacks what the flow
// needs.
func badResponse(format string, args ...any) error {
	return &APIError{Type: ErrBadResponse, Message: fmt.Sprintf(format, args...), Status: http.StatusOK}
}

// Client sends AWS JSON 1.1 requests to one endpoint, or round robin to
// several (replicas of one server behind no load balancer). Plain http://
// endpoints are spoken to by the lean keep-alive client of httpconn.go;
// https:// ones through net/http.
type Client struct {
	endpoints []destination
	next      atomic.Uint64
	region    string
	creds     aws.Credentials
	signer    *v4.Signer
	http      *http.Client
	timeout   time.Duration
}

// destination is one endpoint requests go to.
type destination struct {
	url  string    // with its trailing slash
	host string    // the Host header
	path string    // the request target
	pool *connPool // nil for https: through net/http
}

// NewClient builds a client for endpoint, or for the comma-separated
// endpoints it lists, which then take requests in turn, each request the
// next endpoint whatever flow it belongs to (an SRP sign-in's two steps
// land on different replicas). conns bounds the idle keep-alive
// connections kept per endpoint (the concurrency, so each worker keeps its
// own). Redirects are never followed: every request goes to an endpoint.
func NewClient(endpoint, region, accessKey, secretKey string, conns int, timeout time.Duration) (*Client, error) {
	list := splitEndpoints(endpoint)
	if len(list) == 0 {
		return nil, fmt.Errorf("endpoint %q is not an http(s) URL", endpoint)
	}
	endpoints := make([]destination, len(list))
	for i, ep := range list {
		u, err := url.Parse(ep)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, fmt.Errorf("endpoint %q is not an http(s) URL", ep)
		}
		ep = strings.TrimRight(ep, "/") + "/"
		if u, err = url.Parse(ep); err != nil {
			return nil, fmt.Errorf("endpoint %q is not an http(s) URL", ep)
		}
		endpoints[i] = destination{url: ep, host: hostHeader(u), path: u.RequestURI()}
		if u.Scheme == "http" {
			endpoints[i].pool = &connPool{addr: dialAddr(u), max: conns + 16}
		}
	}
	transport := &http.Transport{
		Proxy:               nil, // straight to the endpoint, whatever HTTP_PROXY says
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		MaxIdleConns:        conns + 16,
		MaxIdleConnsPerHost: conns + 16,
		IdleConnTimeout:     90 * time.Second,
		DisableCompression:  true,
	}
	return &Client{
		endpoints: endpoints,
		region:    region,
		creds:     aws.Credentials{AccessKeyID: accessKey, SecretAccessKey: secretKey, Source: "incognito-load"},
		signer:    v4.NewSigner(),
		timeout:   timeout,
		http: &http.Client{
			Transport: transport,
			CheckRedirect: func(*http.Request, []*http.Request) error {
				return http.ErrUseLastResponse
			},
		},
	}, nil
}

// hostHeader is the Host of requests to u: its host and port, without the
// scheme's default port (as net/http and the SigV4 signer write it).
func hostHeader(u *url.URL) string {
	if port := u.Port(); (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		return strings.TrimSuffix(u.Host, ":"+port)
	}
	return u.Host
}

// dialAddr is the host:port to connect to for u.
func dialAddr(u *url.URL) string {
	port := u.Port()
	if port == "" {
		port = "80"
	}
	return net.JoinHostPort(u.Hostname(), port)
}

// Close drops the idle connections.
func (c *Client) Close() {
	c.http.CloseIdleConnections()
	for i := range c.endpoints {
		if p := c.endpoints[i].pool; p != nil {
			p.closeIdle()
		}
	}
}

// pick returns the endpoint of the next request.
func (c *Client) pick() *destination {
	if len(c.endpoints) == 1 {
		return &c.endpoints[0]
	}
	return &c.endpoints[(c.next.Add(1)-1)%uint64(len(c.endpoints))]
}

// call is one request: target is the full X-Amz-Target, signing the SigV4
// service name ("" sends it unsigned). out, when not nil, receives the
// decoded answer.
func (c *Client) call(ctx context.Context, target, signing string, in, out any) error {
	ep := c.pick()
	if ep.pool == nil {
		return c.callHTTP(ctx, ep, target, signing, in, out)
	}
	now := time.Now()
	deadline := now.Add(c.timeout)
	lc, err := ep.pool.get(ctx, now, deadline)
	if err != nil {
		return c.transportError(ctx, ep, err)
	}
	body, err := appendBody(lc.body[:0], in)
	if err != nil {
		ep.pool.put(lc)
		return err
	}
	lc.body = body
	h := headers{target: target}
	host := ep.host
	if signing != "" {
		if host, h.extra, err = c.sign(ctx, ep, target, signing, body); err != nil {
			ep.pool.put(lc)
			return err
		}
	}
	lc.req = appendRequest(lc.req[:0], ep.path, host, &h, body)
	lc, a, reusable, err := ep.pool.roundTrip(ctx, lc, deadline)
	if err != nil {
		return c.transportError(ctx, ep, err)
	}
	// The answer's body lives in the connection's buffer: read it before
	// the connection goes back to the pool.
	err = c.answer(target, a.status, a.errorType, a.body, out)
	if reusable {
		ep.pool.put(lc)
	} else {
		lc.close()
	}
	return err
}

// answer turns an answer into the call's result.
func (c *Client) answer(target string, status int, errorType string, data []byte, out any) error {
	if status < 200 || status > 299 {
		return decodeError(status, errorType, data)
	}
	if out == nil {
		return nil
	}
	if err := decodeBody(data, out); err != nil {
		return badResponse("%s: undecodable answer: %v", target, err)
	}
	return nil
}

// transportError classifies a request that got no (whole) answer.
func (c *Client) transportError(ctx context.Context, ep *destination, err error) error {
	msg := "POST " + ep.url + ": " + err.Error()
	if ctx.Err() != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return &APIError{Type: ErrTimeout, Message: msg}
		}
		return &APIError{Type: ErrTransport, Message: "POST " + ep.url + ": " + ctx.Err().Error()}
	}
	if isTimeout(err) {
		return &APIError{Type: ErrTimeout, Message: fmt.Sprintf("POST %s: no answer within %v (%v)", ep.url, c.timeout, err)}
	}
	return &APIError{Type: ErrTransport, Message: msg}
}

// sign signs the request of body to ep with the administrator's keys, and
// returns the Host it signed and the headers to send with it.
func (c *Client) sign(ctx context.Context, ep *destination, target, signing string, body []byte) (host string, extra []string, err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, ep.url, nil)
	if err != nil {
		return "", nil, err
	}
	req.Host = ep.host
	req.ContentLength = int64(len(body))
	req.Header.Set("Content-Type", "application/x-amz-json-1.1")
	req.Header.Set("X-Amz-Target", target)
	sum := sha256.Sum256(body)
	if err := c.signer.SignHTTP(ctx, c.creds, req, hex.EncodeToString(sum[:]), signing, c.region, time.Now()); err != nil {
		return "", nil, err
	}
	for name, values := range req.Header {
		if name == "Content-Type" || name == "X-Amz-Target" {
			continue
		}
		for _, v := range values {
			extra = append(extra, name, v)
		}
	}
	host = req.Host
	if host == "" {
		host = ep.host
	}
	return host, extra, nil
}

// callHTTP is call through net/http, for https endpoints.
func (c *Client) callHTTP(ctx context.Context, ep *destination, target, signing string, in, out any) error {
	body, err := appendBody(nil, in)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	req, err := c.newRequest(ctx, ep, target, signing, body)
	if err != nil {
		return err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) && ctx.Err() != nil {
			return &APIError{Type: ErrTimeout, Message: err.Error()}
		}
		return &APIError{Type: ErrTransport, Message: err.Error()}
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxAnswerBody))
	if err != nil {
		return &APIError{Type: ErrTransport, Message: "reading the answer: " + err.Error(), Status: resp.StatusCode}
	}
	return c.answer(target, resp.StatusCode, resp.Header.Get("X-Amzn-ErrorType"), data, out)
}

// newRequest builds the POST, signed when signing is set.
func (c *Client) newRequest(ctx context.Context, ep *destination, target, signing string, body []byte) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, ep.url, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-amz-json-1.1")
	req.Header.Set("X-Amz-Target", target)
	req.Header.Set("User-Agent", "incognito-load")
	if signing == "" {
		return req, nil
	}
	sum := sha256.Sum256(body)
	err = c.signer.SignHTTP(ctx, c.creds, req, hex.EncodeToString(sum[:]), signing, c.region, time.Now())
	return req, err
}

// decodeError reads Cognito's {"__type": ..., "message": ...} error body
// (or the X-Amzn-ErrorType header), dropping the namespace and any
// ":"-suffix from the type as the AWS SDKs do.
func decodeError(status int, errorType string, data []byte) error {
	var body struct {
		Type     string `json:"__type"`
		Code     string `json:"code"`
		Message  string `json:"message"`
		MessageU string `json:"Message"`
	}
	_ = json.Unmarshal(data, &body)
	typ := errorType
	if typ == "" {
		typ = body.Type
	}
	if typ == "" {
		typ = body.Code
	}
	msg := body.Message
	if msg == "" {
		msg = body.MessageU
	}
	if typ == "" {
		typ = ErrHTTP
		if msg == "" {
			msg = strings.TrimSpace(string(data[:min(len(data), 200)]))
		}
	}
	if i := strings.IndexByte(typ, ':'); i >= 0 {
		typ = typ[:i]
	}
	if i := strings.LastIndexByte(typ, '#'); i >= 0 {
		typ = typ[i+1:]
	}
	return &APIError{Type: typ, Message: msg, Status: status}
}

// IDP calls a cognito-idp operation; signed ones carry the admin keys.
func (c *Client) IDP(ctx context.Context, op string, signed bool, in, out any) error {
	signing := ""
	if signed {
		signing = idpSigning
	}
	return c.call(ctx, idpTarget+op, signing, in, out)
}

// Identity calls a cognito-identity operation.
func (c *Client) Identity(ctx context.Context, op string, signed bool, in, out any) error {
	signing := ""
	if signed {
		signing = identitySign
	}
	return c.call(ctx, identityTarget+op, signing, in, out)
}

// splitEndpoints splits a comma-separated list of endpoints, dropping
// empty entries.
func splitEndpoints(list string) []string {
	var out []string
	for _, ep := range strings.Split(list, ",") {
		if ep = strings.TrimSpace(ep); ep != "" {
			out = append(out, ep)
		}
	}
	return out
}
