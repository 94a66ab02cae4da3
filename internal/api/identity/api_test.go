package identity

import (
	"reflect"
	"slices"
	"testing"

	ci "github.com/aws/aws-sdk-go-v2/service/cognitoidentity"
)

// TestEveryOperationIsServed checks the dispatch table against
// aws-sdk-go-v2's cognito-identity client: all 23 operations are known and
// registered, and exactly the model's four noAuth ones are public.
func TestEveryOperationIsServed(t *testing.T) {
	var sdkOps []string
	typ := reflect.TypeOf(&ci.Client{})
	for i := 0; i < typ.NumMethod(); i++ {
		m := typ.Method(i)
		if m.Type.NumIn() >= 3 {
			if in := m.Type.In(2); in.Kind() == reflect.Pointer && in.Elem().Name() == m.Name+"Input" {
				sdkOps = append(sdkOps, m.Name)
			}
		}
	}
	if len(sdkOps) != 23 {
		t.Fatalf("the SDK client has %d operations, want 23: %v", len(sdkOps), sdkOps)
	}
	known := slices.Clone(Operations)
	slices.Sort(known)
	if !slices.Equal(known, sdkOps) {
		t.Errorf("Operations = %v, SDK has %v", known, sdkOps)
	}
	svc := (&API{}).Service()
	if svc.Target != "AWSCognitoIdentityService" || svc.SigningName != "cognito-identity" {
		t.Errorf("service %s signed as %s", svc.Target, svc.SigningName)
	}
	public := map[string]bool{"GetId": true, "GetCredentialsForIdentity": true, "GetOpenIdToken": true, "UnlinkIdentity": true}
	for _, op := range sdkOps {
		reg, ok := svc.Operations[op]
		if !ok {
			t.Errorf("%s is not registered", op)
			continue
		}
		if reg.Public != public[op] {
			t.Errorf("%s public = %v, want %v", op, reg.Public, public[op])
		}
	}
	if len(svc.Operations) != len(sdkOps) {
		t.Errorf("%d operations registered, want %d", len(svc.Operations), len(sdkOps))
	}
}
