package message

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

// smsPayload is the JSON body POSTed to the SMS webhook.
type smsPayload struct {
	To      string `json:"to"`
	Message string `json:"message"`
	PoolID  string `json:"poolId"`
	Kind    string `json:"kind"`
}

// sendSMS POSTs the message to the webhook; any 2xx answer is success.
func (s *Sender) sendSMS(ctx context.Context, m Message) error {
	body, err := json.Marshal(smsPayload{To: m.Destination, Message: m.Body, PoolID: m.PoolID, Kind: m.Kind})
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.sms, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := s.httpClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fmt.Errorf("SMS webhook answered %s", resp.Status)
	}
	return nil
}
