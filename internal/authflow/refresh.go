package authflow

import (
	"bytes"
	"context"
	"errors"
	"time"

	"github.com/incognito-idp/incognito/internal/store"
	"github.com/incognito-idp/incognito/internal/token"
	"github.com/incognito-idp/incognito/internal/userpool"
)

// refreshFlow is InitiateAuth REFRESH_TOKEN_AUTH: new ID and access tokens
// for the session, and a new refresh token only when the client rotates
// them. SECRET_HASH is computed with the internal username.
func (s *Service) refreshFlow(ctx context.Context, pool *userpool.Pool, client *userpool.Client, params map[string]string) (*Result, error) {
	raw := params["REFRESH_TOKEN"]
	if raw == "" {
		return nil, errMissing("REFRESH_TOKEN")
	}
	if client.HasSecret() && params["SECRET_HASH"] == "" {
		return nil, errSecretMissing(client.ClientID)
	}
	tokens, err := s.refresh(ctx, pool, client, raw, func(user *userpool.User) error {
		if !client.HasSecret() {
			return nil
		}
		given := params["SECRET_HASH"]
		// Cognito accepts the hash over the internal username; SDKs
		// that sign in by alias sometimes send it over the sub.
		if err := checkSecretHash(client, user.Username, given); err == nil {
			return nil
		}
		return checkSecretHash(client, user.Sub, given)
	})
	if err != nil {
		return nil, err
	}
	return &Result{Tokens: tokens}, nil
}

// RefreshInput is GetTokensFromRefreshToken's request.
type RefreshInput struct {
	RefreshToken string
	ClientID     string
	ClientSecret string
	DeviceKey    string
}

// GetTokensFromRefreshToken refreshes with the raw client secret, rotating
// the refresh token when the client asks for it.
func (s *Service) GetTokensFromRefreshToken(ctx context.Context, in RefreshInput) (*Tokens, error) {
	if in.RefreshToken == "" {
		return nil, userpool.Invalid("1 validation error detected: Value null at 'refreshToken' failed to satisfy constraint: Member must not be null")
	}
	pool, client, err := s.clientContext(ctx, in.ClientID, false, "")
	if err != nil {
		return nil, err
	}
	// A rotating client is meant to leave ALLOW_REFRESH_TOKEN_AUTH off:
	// this operation is its only way to refresh.
	if !rotates(client) && !listAllows(client, FlowRefreshToken) {
		return nil, errFlowDisabled(FlowRefreshToken)
	}
	if err := checkClientSecret(client, in.ClientSecret); err != nil {
		return nil, err
	}
	return s.refresh(ctx, pool, client, in.RefreshToken, nil)
}

func rotates(c *userpool.Client) bool {
	return c.RefreshTokenRotation != nil && c.RefreshTokenRotation.Feature == "ENABLED"
}

// refresh checks a refresh token and mints new tokens from its session.
func (s *Service) refresh(ctx context.Context, pool *userpool.Pool, client *userpool.Client, raw string, checkUser func(*userpool.User) error) (*Tokens, error) {
	if !token.IsOpaque(raw) {
		return nil, errInvalidRefresh()
	}
	hash := token.HashOpaque(raw)
	sess, err := s.store.GetSessionByRefreshHash(ctx, hash)
	if errors.Is(err, store.ErrNotFound) {
		return nil, errInvalidRefresh()
	}
	if err != nil {
		return nil, err
	}
	now := s.now()
	if sess.PoolID != pool.ID || sess.ClientID != client.ClientID {
		return nil, errInvalidRefresh()
	}
	// A disabled user is told so even if disabling revoked the session.
	user, err := s.userOfSession(ctx, pool, sess)
	if err != nil {
		return nil, err
	}
	if sess.RevokedAt != nil {
		return nil, errRevokedRefresh()
	}
	if !now.Before(sess.ExpiresAt) {
		return nil, userpool.Errorf(userpool.NotAuthorized, "Refresh Token has expired")
	}
	previous := !bytes.Equal(sess.RefreshHash, hash)
	if previous && !now.Before(sess.PreviousValidUntil) {
		return nil, errRefreshReuse()
	}
	if checkUser != nil {
		if err := checkUser(user); err != nil {
			return nil, err
		}
	}
	tokens, err := s.mint(ctx, pool, client, user, sess.OriginJTI, sess.AuthTime, now)
	if err != nil {
		return nil, err
	}
	if !rotates(client) {
		return tokens, nil
	}
	next, nextHash := token.NewOpaque(s.rand)
	grace := time.Duration(client.RefreshTokenRotation.RetryGracePeriodSeconds) * time.Second
	err = s.store.UpdateSession(ctx, pool.ID, sess.OriginJTI, func(cur store.SessionRecord) (store.SessionRecord, error) {
		if cur.RevokedAt != nil {
			return cur, errRevokedRefresh()
		}
		switch {
		case bytes.Equal(cur.RefreshHash, hash):
			// The current token: it becomes the previous one, good for
			// the grace period.
			cur.PreviousHash, cur.PreviousValidUntil = cur.RefreshHash, now.Add(grace)
		case bytes.Equal(cur.PreviousHash, hash) && now.Before(cur.PreviousValidUntil):
			// A retry with the token just rotated out (the client missed
			// the answer): the token that answer carried is replaced, the
			// grace period is not extended.
		default:
			// Spent by a concurrent refresh since it was read.
			return cur, errRefreshReuse()
		}
		// The new token lives as long as the session: rotation does not
		// extend a sign-in beyond the client's RefreshTokenValidity.
		cur.RefreshHash = nextHash
		return cur, nil
	})
	if err != nil {
		return nil, err
	}
	tokens.RefreshToken = next
	return tokens, nil
}

// userOfSession loads the session's user, who must still exist and be
// enabled.
func (s *Service) userOfSession(ctx context.Context, pool *userpool.Pool, sess store.SessionRecord) (*userpool.User, error) {
	user, err := s.pools.UserByKey(ctx, pool, sess.UserKey)
	if userpool.IsCode(err, userpool.UserNotFound) {
		return nil, errInvalidRefresh()
	}
	if err != nil {
		return nil, err
	}
	if !user.Enabled {
		return nil, errDisabled()
	}
	return user, nil
}
