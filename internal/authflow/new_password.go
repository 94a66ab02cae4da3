package authflow

import (
	"context"
	"encoding/json"
	"sort"
	"strings"
	"time"

	"github.com/incognito-idp/incognito/internal/userpool"
)

// newPasswordChallenge asks a user with an administrator's temporary
// password for a new one (and for required attributes it lacks).
func (s *Service) newPasswordChallenge(pool *userpool.Pool, client *userpool.Client, user *userpool.User, stateID string) (*Result, error) {
	if stateID == "" {
		stateID = newID(s.rand)
	}
	st := state{
		ID: stateID, PoolID: pool.ID, ClientID: client.ClientID, UserKey: user.Key,
		Username: user.Username, Challenge: ChallengeNewPasswordRequired,
		Expires: s.now().Add(sessionValidity(client)).Unix(), AuthTime: s.now().Unix(),
	}
	attrs := map[string]string{}
	for name, value := range user.Attributes {
		if name == "sub" || strings.HasPrefix(name, "dev:") {
			continue
		}
		attrs[name] = value
	}
	current, _ := json.Marshal(attrs)
	var required []string
	for _, a := range pool.Schema {
		if a.Required && a.Name != "sub" && user.Attributes[a.Name] == "" {
			required = append(required, "userAttributes."+a.Name)
		}
	}
	sort.Strings(required)
	if required == nil {
		required = []string{}
	}
	req, _ := json.Marshal(required)
	return &Result{
		ChallengeName: ChallengeNewPasswordRequired,
		Session:       s.seal(st, adSession),
		ChallengeParameters: map[string]string{
			"USER_ID_FOR_SRP":    user.Username,
			"requiredAttributes": string(req),
			"userAttributes":     string(current),
		},
	}, nil
}

// answerNewPassword sets the new password and the attributes given with it,
// then signs the user in.
func (s *Service) answerNewPassword(ctx context.Context, pool *userpool.Pool, client *userpool.Client, in RespondInput) (*Result, error) {
	if in.Session == "" {
		return nil, userpool.Invalid("Missing required parameter Session")
	}
	st, err := s.open(in.Session, adSession)
	if err != nil {
		return nil, err
	}
	if st.PoolID != pool.ID || st.ClientID != client.ClientID || st.Challenge != ChallengeNewPasswordRequired {
		return nil, errSessionExpired
	}
	r := in.Responses
	if err := checkSecretHash(client, st.Username, r["SECRET_HASH"]); err != nil {
		return nil, err
	}
	password, ok := r["NEW_PASSWORD"]
	if !ok {
		return nil, userpool.Invalid("Invalid attributes given, new password should be given with key NEW_PASSWORD.")
	}
	user, err := s.pools.FindUser(ctx, pool, st.Username)
	if err != nil || user.Key != st.UserKey {
		return nil, errSessionExpired
	}
	if user.Status != userpool.StatusForceChangePassword {
		return nil, errSessionExpired
	}
	if !user.Enabled {
		return nil, errDisabled()
	}
	var attrs []userpool.AttributeInput
	for k, v := range r {
		if name, ok := strings.CutPrefix(k, "userAttributes."); ok {
			value := v
			n := name
			attrs = append(attrs, userpool.AttributeInput{Name: &n, Value: &value})
		}
	}
	for _, a := range pool.Schema {
		if a.Required && a.Name != "sub" && user.Attributes[a.Name] == "" && r["userAttributes."+a.Name] == "" {
			return nil, userpool.Invalid("Invalid attributes given, %s is missing", a.Name)
		}
	}
	user, err = s.pools.CompleteNewPassword(ctx, pool, user, password, attrs)
	if err != nil {
		return nil, err
	}
	tokens, err := s.issue(ctx, pool, client, user, st.ID, time.Unix(st.AuthTime, 0))
	if err != nil {
		return nil, err
	}
	return &Result{Tokens: tokens}, nil
}
