package authflow

import (
	"context"
	"errors"
	"strings"

	"github.com/incognito-idp/incognito/internal/store"
	"github.com/incognito-idp/incognito/internal/token"
	"github.com/incognito-idp/incognito/internal/userpool"
)

// Caller is who an access token speaks for, once checked.
type Caller struct {
	Pool      *userpool.Pool
	User      *userpool.User
	ClientID  string
	OriginJTI string
	Claims    map[string]any
}

func errInvalidAccess() error {
	return userpool.Errorf(userpool.NotAuthorized, "Invalid Access Token")
}

// VerifyAccessToken checks an access token for the operations that take
// one (GetUser, ChangePassword, GlobalSignOut, ...): signature by the
// pool's access key, expiry, issuer, the aws.cognito.signin.user.admin
// scope, a live session (not revoked by RevokeToken or a global sign-out,
// on any replica, since sessions live in the store) and an existing,
// enabled user.
func (s *Service) VerifyAccessToken(ctx context.Context, raw string) (*Caller, error) {
	if raw == "" {
		return nil, userpool.Invalid("1 validation error detected: Value null at 'accessToken' failed to satisfy constraint: Member must not be null")
	}
	parsed, err := token.Parse(raw)
	if err != nil {
		return nil, errInvalidAccess()
	}
	iss, _ := parsed.UnverifiedClaims()["iss"].(string)
	poolID := iss[strings.LastIndex(iss, "/")+1:]
	if poolID == "" {
		return nil, errInvalidAccess()
	}
	pool, err := s.pools.GetPool(ctx, poolID)
	if err != nil {
		return nil, errInvalidAccess()
	}
	claims, err := s.verifyWithPoolKeys(ctx, poolID, parsed, token.UseAccess)
	if errors.Is(err, token.ErrExpired) {
		return nil, userpool.Errorf(userpool.NotAuthorized, "Access Token has expired")
	}
	if err != nil {
		return nil, errInvalidAccess()
	}
	if claims["iss"] != s.issuer(poolID) {
		return nil, errInvalidAccess()
	}
	scope, _ := claims["scope"].(string)
	if !contains(strings.Fields(scope), ScopeUserAdmin) {
		return nil, errInvalidAccess()
	}
	origin, _ := claims["origin_jti"].(string)
	clientID, _ := claims["client_id"].(string)
	sess, err := s.store.GetSession(ctx, poolID, origin)
	if errors.Is(err, store.ErrNotFound) {
		// Sessions go with their user: a token whose user was deleted
		// says so, as Cognito's does.
		sub, _ := claims["sub"].(string)
		if _, uerr := s.pools.GetUserBySub(ctx, poolID, sub); userpool.IsCode(uerr, userpool.UserNotFound) {
			return nil, uerr
		}
		return nil, errRevokedAccess()
	}
	if err != nil {
		return nil, err
	}
	if sess.RevokedAt != nil || sess.ClientID != clientID {
		return nil, errRevokedAccess()
	}
	user, err := s.pools.UserByKey(ctx, pool, sess.UserKey)
	if err != nil {
		return nil, err
	}
	// Disabling a user revokes its access tokens (AdminDisableUser).
	if !user.Enabled || user.Sub != claims["sub"] {
		return nil, errRevokedAccess()
	}
	return &Caller{Pool: pool, User: user, ClientID: clientID, OriginJTI: origin, Claims: claims}, nil
}

func errRevokedAccess() error {
	return userpool.Errorf(userpool.NotAuthorized, "Access Token has been revoked")
}

// verifyWithPoolKeys verifies with the cached key set, and once more with
// a fresh one when the kid is unknown (another replica may have added a
// key).
func (s *Service) verifyWithPoolKeys(ctx context.Context, poolID string, parsed *token.Parsed, use string) (map[string]any, error) {
	keys, err := s.KeySet(ctx, poolID, false)
	if err != nil {
		return nil, err
	}
	claims, err := keys.VerifyParsed(parsed, use, s.now())
	if err == nil || errors.Is(err, token.ErrExpired) || errors.Is(err, token.ErrMalformed) {
		return claims, err
	}
	keys, kerr := s.KeySet(ctx, poolID, true)
	if kerr != nil {
		return nil, kerr
	}
	return keys.VerifyParsed(parsed, use, s.now())
}

// GlobalSignOut revokes every session of the caller's user: its refresh
// tokens stop working and its access tokens are refused at once.
func (s *Service) GlobalSignOut(ctx context.Context, caller *Caller) error {
	_, err := s.store.RevokeUserSessions(ctx, caller.Pool.ID, caller.User.Key, s.now())
	return err
}

// SignOutUser is AdminUserGlobalSignOut once the user is found.
func (s *Service) SignOutUser(ctx context.Context, user *userpool.User) error {
	_, err := s.store.RevokeUserSessions(ctx, user.PoolID, user.Key, s.now())
	return err
}

// RevokeInput is RevokeToken's request.
type RevokeInput struct {
	Token        string
	ClientID     string
	ClientSecret string
}

// RevokeToken revokes a refresh token and every access and ID token of its
// session. Revoking an unknown or already revoked token succeeds, as
// OAuth 2.0 revocation does (RFC 7009 section 2.2).
func (s *Service) RevokeToken(ctx context.Context, in RevokeInput) error {
	if in.Token == "" {
		return userpool.Invalid("1 validation error detected: Value null at 'token' failed to satisfy constraint: Member must not be null")
	}
	_, client, err := s.clientContext(ctx, in.ClientID, false, "")
	if err != nil {
		return err
	}
	if err := checkClientSecret(client, in.ClientSecret); err != nil {
		// RevokeToken declares UnauthorizedException for a client that
		// fails to authenticate (OAuth's invalid_client).
		var e *userpool.Error
		if errors.As(err, &e) && e.Code == userpool.NotAuthorized {
			return errUnauthorized("%s", e.Message)
		}
		return err
	}
	if !client.EnableTokenRevocation {
		return userpool.Errorf(userpool.UnsupportedOperation, "Token revocation is not enabled for this client.")
	}
	if !token.IsOpaque(in.Token) {
		return userpool.Errorf(userpool.UnsupportedTokenType, "Unsupported token type.")
	}
	sess, err := s.store.GetSessionByRefreshHash(ctx, token.HashOpaque(in.Token))
	if errors.Is(err, store.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	if sess.ClientID != client.ClientID {
		return errUnauthorized("Token was not issued to this client.")
	}
	now := s.now()
	err = s.store.UpdateSession(ctx, sess.PoolID, sess.OriginJTI, func(cur store.SessionRecord) (store.SessionRecord, error) {
		if cur.RevokedAt == nil {
			cur.RevokedAt = &now
		}
		return cur, nil
	})
	if errors.Is(err, store.ErrNotFound) {
		return nil // the user went away meanwhile, and the session with it
	}
	return err
}
