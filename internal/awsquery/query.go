package awsquery

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// MaxBodyBytes caps a query request; STS's largest input (a session policy
// plus a web identity token) is far below it.
const MaxBodyBytes = 256 << 10

// Error is a query-protocol error.
type Error struct {
	Type    string // "Sender" or "Receiver"
	Code    string
	Message string
	Status  int
}

func (e *Error) Error() string { return e.Code + ": " + e.Message }

// Sender builds a client error (400 unless status says otherwise).
func Sender(status int, code, format string, args ...any) *Error {
	if status == 0 {
		status = http.StatusBadRequest
	}
	return &Error{Type: "Sender", Code: code, Message: fmt.Sprintf(format, args...), Status: status}
}

// IsQuery reports whether r looks like a query-protocol request.
func IsQuery(r *http.Request) bool {
	ct := r.Header.Get("Content-Type")
	return strings.HasPrefix(strings.ToLower(ct), "application/x-www-form-urlencoded")
}

// ReadForm reads and parses the body, returning the raw bytes too (SigV4
// signs them).
func ReadForm(r *http.Request) (url.Values, []byte, error) {
	body, err := io.ReadAll(io.LimitReader(r.Body, MaxBodyBytes+1))
	if err != nil {
		return nil, nil, Sender(0, "InvalidRequest", "Could not read the request body")
	}
	if len(body) > MaxBodyBytes {
		return nil, nil, Sender(http.StatusRequestEntityTooLarge, "RequestEntityTooLarge", "Request body is too large")
	}
	form, err := url.ParseQuery(string(body))
	if err != nil {
		return nil, nil, Sender(0, "MalformedQueryString", "The request body is not a valid form")
	}
	// Query-string parameters count too (GET-style requests).
	for k, v := range r.URL.Query() {
		if _, ok := form[k]; !ok {
			form[k] = v
		}
	}
	return form, body, nil
}

// WriteResult writes <Action>Response xmlns=ns> with result encoded as
// <Action>Result> and <ResponseMetadata><RequestId>.
func WriteResult(w http.ResponseWriter, action, ns, requestID string, result any) error {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	root := xml.StartElement{Name: xml.Name{Local: action + "Response"},
		Attr: []xml.Attr{{Name: xml.Name{Local: "xmlns"}, Value: ns}}}
	if err := enc.EncodeToken(root); err != nil {
		return err
	}
	if err := enc.EncodeElement(result, xml.StartElement{Name: xml.Name{Local: action + "Result"}}); err != nil {
		return err
	}
	meta := struct {
		RequestID string `xml:"RequestId"`
	}{requestID}
	if err := enc.EncodeElement(meta, xml.StartElement{Name: xml.Name{Local: "ResponseMetadata"}}); err != nil {
		return err
	}
	if err := enc.EncodeToken(root.End()); err != nil {
		return err
	}
	if err := enc.Flush(); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/xml")
	w.Header().Set("x-amzn-RequestId", requestID)
	_, err := w.Write(buf.Bytes())
	return err
}

// WriteError writes the query protocol's error document.
func WriteError(w http.ResponseWriter, requestID string, e *Error) {
	type errBody struct {
		Type    string `xml:"Type"`
		Code    string `xml:"Code"`
		Message string `xml:"Message"`
	}
	type errResp struct {
		XMLName   xml.Name `xml:"ErrorResponse"`
		Xmlns     string   `xml:"xmlns,attr"`
		Error     errBody  `xml:"Error"`
		RequestID string   `xml:"RequestId"`
	}
	typ := e.Type
	if typ == "" {
		typ = "Sender"
	}
	out, _ := xml.Marshal(errResp{Xmlns: "https://sts.amazonaws.com/doc/2011-06-15/",
		Error: errBody{Type: typ, Code: e.Code, Message: e.Message}, RequestID: requestID})
	w.Header().Set("Content-Type", "text/xml")
	w.Header().Set("x-amzn-RequestId", requestID)
	status := e.Status
	if status == 0 {
		status = http.StatusBadRequest
	}
	w.WriteHeader(status)
	_, _ = w.Write(append([]byte(xml.Header), out...))
}
