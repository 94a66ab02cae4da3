package authflow

import (
	"context"

	"github.com/incognito-idp/incognito/internal/userpool"
)

// Initiate runs InitiateAuth (Admin false) or AdminInitiateAuth.
func (s *Service) Initiate(ctx context.Context, in InitiateInput) (*Result, error) {
	if in.AuthFlow == "" {
		return nil, userpool.Invalid("1 validation error detected: Value null at 'authFlow' failed to satisfy constraint: Member must not be null")
	}
	flow := in.AuthFlow
	if !knownFlow(flow) {
		return nil, userpool.Invalid("1 validation error detected: Value '%s' at 'authFlow' failed to satisfy constraint: Member must satisfy enum value set: [USER_SRP_AUTH, REFRESH_TOKEN_AUTH, REFRESH_TOKEN, CUSTOM_AUTH, ADMIN_NO_SRP_AUTH, USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH, USER_AUTH]", flow)
	}
	pool, client, err := s.clientContext(ctx, in.ClientID, in.Admin, in.UserPoolID)
	if err != nil {
		return nil, err
	}
	params := in.AuthParameters
	if params == nil {
		params = map[string]string{}
	}
	switch flow {
	case FlowUserSRP, FlowRefreshToken, FlowRefreshTokenAlias, FlowCustom, FlowUserAuth:
	case FlowUserPassword:
		if in.Admin {
			return nil, errMethodNotSupported()
		}
	case FlowAdminUserPassword, FlowAdminNoSRP:
		if !in.Admin {
			return nil, errMethodNotSupported()
		}
	}
	if !flowAllowed(client, flow) {
		return nil, errFlowDisabled(flow)
	}
	switch flow {
	case FlowUserSRP:
		return s.startSRP(ctx, pool, client, params)
	case FlowUserPassword, FlowAdminUserPassword, FlowAdminNoSRP:
		return s.passwordSignIn(ctx, pool, client, params)
	case FlowRefreshToken, FlowRefreshTokenAlias:
		return s.refreshFlow(ctx, pool, client, params)
	case FlowCustom:
		return nil, userpool.Invalid("Custom auth lambda trigger is not configured for the user pool.")
	default: // USER_AUTH
		return nil, userpool.Errorf(userpool.FeatureUnavailableInTier, "Incognito does not support choice-based sign-in (USER_AUTH) yet.")
	}
}

// knownFlow reports whether flow is an AuthFlowType value.
func knownFlow(flow string) bool {
	switch flow {
	case FlowUserSRP, FlowUserPassword, FlowAdminUserPassword, FlowAdminNoSRP, FlowRefreshToken,
		FlowRefreshTokenAlias, FlowCustom, FlowUserAuth:
		return true
	}
	return false
}

// lookupUser finds the user a sign-in names. For an unknown user the error
// depends on the client: UserNotFoundException, or with
// PreventUserExistenceErrors=ENABLED the same answer as a wrong password.
func (s *Service) lookupUser(ctx context.Context, pool *userpool.Pool, client *userpool.Client, name string) (*userpool.User, error) {
	user, err := s.pools.FindUser(ctx, pool, name)
	if userpool.IsCode(err, userpool.UserNotFound) && preventsExistenceErrors(client) {
		// Spend the time a password check takes, so the answer's timing
		// does not tell an unknown name from a wrong password either.
		// (decoy computes one verifier, as CheckPassword does.)
		s.decoy(pool.ID, name)
		return nil, errIncorrect()
	}
	return user, err
}

func preventsExistenceErrors(c *userpool.Client) bool {
	return c.PreventUserExistenceErrors == "ENABLED"
}

// passwordSignIn is USER_PASSWORD_AUTH and ADMIN_USER_PASSWORD_AUTH.
func (s *Service) passwordSignIn(ctx context.Context, pool *userpool.Pool, client *userpool.Client, params map[string]string) (*Result, error) {
	username := params["USERNAME"]
	if username == "" {
		return nil, errMissing("USERNAME")
	}
	password, ok := params["PASSWORD"]
	if !ok {
		return nil, errMissing("PASSWORD")
	}
	if err := checkSecretHash(client, username, params["SECRET_HASH"]); err != nil {
		return nil, err
	}
	user, err := s.lookupUser(ctx, pool, client, username)
	if err != nil {
		return nil, err
	}
	if err := s.pools.CheckLockout(user); err != nil {
		return nil, err
	}
	if !s.pools.CheckPassword(user, password) {
		return nil, s.pools.RecordSignInFailure(ctx, user, errIncorrect())
	}
	return s.afterPassword(ctx, pool, client, user, "")
}

// afterPassword applies the user-status rules once the password is proven
// and either issues tokens or asks for the next challenge. stateID is the
// ID of the challenge state the proof came in ("" for a password flow): it
// becomes the sign-in's origin_jti (and the NEW_PASSWORD_REQUIRED state's
// ID), so that one challenge answer signs in at most once.
func (s *Service) afterPassword(ctx context.Context, pool *userpool.Pool, client *userpool.Client, user *userpool.User, stateID string) (*Result, error) {
	if !user.Enabled {
		return nil, errDisabled()
	}
	switch user.Status {
	case userpool.StatusUnconfirmed:
		return nil, errNotConfirmed()
	case userpool.StatusResetRequired:
		return nil, errResetRequired()
	case userpool.StatusForceChangePassword:
		if s.pools.TemporaryPasswordExpired(user) {
			return nil, errTempExpired()
		}
		if err := s.pools.RecordSignInSuccess(ctx, user); err != nil {
			return nil, err
		}
		return s.newPasswordChallenge(pool, client, user, stateID)
	case userpool.StatusConfirmed:
	default:
		// EXTERNAL_PROVIDER, ARCHIVED, COMPROMISED, UNKNOWN: nobody signs
		// in with a password in these states.
		return nil, errIncorrect()
	}
	if err := s.pools.RecordSignInSuccess(ctx, user); err != nil {
		return nil, err
	}
	tokens, err := s.issue(ctx, pool, client, user, stateID, s.now())
	if err != nil {
		return nil, err
	}
	return &Result{Tokens: tokens}, nil
}
