package metrics

import (
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestExposition(t *testing.T) {
	m := New()
	m.ObserveRequest("AWSCognitoIdentityProviderService", "InitiateAuth", "ok", 3*time.Millisecond)
	m.ObserveRequest("AWSCognitoIdentityProviderService", "InitiateAuth", "NotAuthorizedException", time.Millisecond)
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	body, _ := io.ReadAll(rec.Body)
	for _, want := range []string{
		`incognito_requests_total{operation="InitiateAuth",outcome="ok",service="AWSCognitoIdentityProviderService"} 1`,
		`incognito_requests_total{operation="InitiateAuth",outcome="NotAuthorizedException",service="AWSCognitoIdentityProviderService"} 1`,
		`incognito_request_duration_seconds_count{operation="InitiateAuth",service="AWSCognitoIdentityProviderService"} 2`,
		"go_goroutines",
	} {
		if !strings.Contains(string(body), want) {
			t.Errorf("exposition lacks %s", want)
		}
	}
}
