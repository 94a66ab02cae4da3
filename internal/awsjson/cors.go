package awsjson

import "net/http"

// SetCORS answers browsers' SDKs (amplify, amazon-cognito-identity-js, the JS
// SDK v3), which send content-type, x-amz-target, x-amz-user-agent and the
// SDK's invocation headers, and read x-amzn-RequestId and X-Amzn-ErrorType.
func SetCORS(h http.Header, r *http.Request) {
	origin := r.Header.Get("Origin")
	if origin == "" {
		origin = "*"
	} else {
		h.Add("Vary", "Origin")
	}
	h.Set("Access-Control-Allow-Origin", origin)
	h.Set("Access-Control-Allow-Methods", "POST, GET, OPTIONS")
	if req := r.Header.Get("Access-Control-Request-Headers"); req != "" {
		h.Set("Access-Control-Allow-Headers", req)
	} else {
		h.Set("Access-Control-Allow-Headers", "content-type, x-amz-target, x-amz-user-agent, x-amz-date, x-amz-security-token, authorization, cache-control, amz-sdk-invocation-id, amz-sdk-request, x-amz-content-sha256")
	}
	h.Set("Access-Control-Expose-Headers", "x-amzn-RequestId, x-amzn-ErrorType, x-amzn-ErrorMessage, Date")
	h.Set("Access-Control-Max-Age", "86400")
}
