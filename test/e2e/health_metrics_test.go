package e2e

import (
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
)

// TestHealthAndMetrics checks GET /health and that GET /metrics counts the
// API's requests by operation and outcome.
func TestHealthAndMetrics(t *testing.T) {
	forEachStore(t, func(t *testing.T, env *Env) {
		if body := fetch(t, env.URL+"/health"); !strings.Contains(string(body), `"ok"`) {
			t.Fatalf("health %s", body)
		}
		if _, err := env.IDP.ListUserPools(env.Ctx, &cip.ListUserPoolsInput{MaxResults: aws.Int32(10)}); err != nil {
			t.Fatal(err)
		}
		_, err := env.Anon.ListUserPools(env.Ctx, &cip.ListUserPoolsInput{MaxResults: aws.Int32(10)})
		wantAPIError(t, err, "UnrecognizedClientException", "")
		body := string(fetch(t, env.URL+"/metrics"))
		for _, want := range []string{
			`incognito_requests_total{operation="ListUserPools",outcome="ok",service="AWSCognitoIdentityProviderService"} 1`,
			`incognito_requests_total{operation="ListUserPools",outcome="UnrecognizedClientException",service="AWSCognitoIdentityProviderService"} 1`,
		} {
			if !strings.Contains(body, want) {
				t.Errorf("metrics lack %s", want)
			}
		}
	})
}
