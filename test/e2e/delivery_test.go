package e2e

import (
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"

	"github.com/incognito-idp/incognito/internal/config"
)

// smsHook is an SMS webhook that records what it receives and answers
// with status.
type smsHook struct {
	mu     sync.Mutex
	got    []map[string]string
	status int
}

func (h *smsHook) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var body map[string]string
	if r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/json" ||
		json.NewDecoder(r.Body).Decode(&body) != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	h.mu.Lock()
	h.got = append(h.got, body)
	status := h.status
	h.mu.Unlock()
	w.WriteHeader(status)
}

func (h *smsHook) received() []map[string]string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]map[string]string(nil), h.got...)
}

// forEachStoreWith is forEachStore with a configuration tweak.
func forEachStoreWith(t *testing.T, tweak func(*config.Config), f func(t *testing.T, env *Env)) {
	t.Helper()
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) { f(t, start(t, b, tweak)) })
	}
}

func TestSMSWebhookDelivery(t *testing.T) {
	hook := &smsHook{status: http.StatusNoContent}
	srv := httptest.NewServer(hook)
	defer srv.Close()
	forEachStoreWith(t, func(c *config.Config) { c.SMSWebhookURL = srv.URL + "/sms" }, func(t *testing.T, env *Env) {
		hook.mu.Lock()
		hook.got, hook.status = nil, http.StatusNoContent
		hook.mu.Unlock()
		c := authClient(t, env, userPool(t, env, func(in *cip.CreateUserPoolInput) {
			in.AutoVerifiedAttributes = []types.VerifiedAttributeType{types.VerifiedAttributeTypePhoneNumber}
		}), nil)
		if _, err := c.signUp("sam", goodPassword, "phone_number", "+15555550166"); err != nil {
			t.Fatalf("SignUp: %v", err)
		}
		got := hook.received()
		if len(got) != 1 {
			t.Fatalf("webhook got %d messages: %v", len(got), got)
		}
		code := latestCode(t, env, c.poolID, "+15555550166")
		if got[0]["to"] != "+15555550166" || got[0]["poolId"] != c.poolID || got[0]["kind"] != "verification" ||
			got[0]["message"] != "Your verification code is "+code+". " {
			t.Errorf("webhook payload %v (code %s)", got[0], code)
		}
		if _, err := c.confirmSignUp("sam", code); err != nil {
			t.Fatalf("ConfirmSignUp with the texted code: %v", err)
		}

		// A webhook that fails makes the code undeliverable; the outbox
		// still has it.
		hook.mu.Lock()
		hook.status = http.StatusInternalServerError
		hook.mu.Unlock()
		_, err := c.signUp("tom", goodPassword, "phone_number", "+15555550177")
		wantAPIError(t, err, "CodeDeliveryFailureException", "Unable to deliver message")
		latestCode(t, env, c.poolID, "+15555550177")
		if s := getUser(t, env, c.poolID, "tom").UserStatus; s != types.UserStatusTypeUnconfirmed {
			t.Errorf("status %s", s)
		}
	})
}

func TestEmailDeliveryFailure(t *testing.T) {
	// A port nothing listens on: SMTP connections are refused.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := ln.Addr().String()
	ln.Close()
	forEachStoreWith(t, func(c *config.Config) { c.SMTPURL = "smtp://" + closed }, func(t *testing.T, env *Env) {
		c := authClient(t, env, userPool(t, env, verifiedEmailPool), nil)
		_, err := c.signUp("uma", goodPassword, "email", "uma@example.com")
		wantAPIError(t, err, "CodeDeliveryFailureException", "Unable to deliver message")
		latestCode(t, env, c.poolID, "uma@example.com")

		confirmedUser(t, env, c.poolID, "vic", goodPassword, "email", "vic@example.com", "email_verified", "true")
		_, err = c.forgot("vic")
		wantAPIError(t, err, "CodeDeliveryFailureException", "Unable to deliver message")
	})
}
