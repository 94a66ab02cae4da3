package authflow

import (
	"context"

	"github.com/incognito-idp/incognito/internal/userpool"
)

// Respond runs RespondToAuthChallenge (Admin false) or its Admin variant.
func (s *Service) Respond(ctx context.Context, in RespondInput) (*Result, error) {
	if in.ChallengeName == "" {
		return nil, userpool.Invalid("1 validation error detected: Value null at 'challengeName' failed to satisfy constraint: Member must not be null")
	}
	pool, client, err := s.clientContext(ctx, in.ClientID, in.Admin, in.UserPoolID)
	if err != nil {
		return nil, err
	}
	if in.Responses == nil {
		in.Responses = map[string]string{}
	}
	switch in.ChallengeName {
	case ChallengePasswordVerifier:
		return s.verifyPassword(ctx, pool, client, in)
	case ChallengeNewPasswordRequired:
		return s.answerNewPassword(ctx, pool, client, in)
	case "SMS_MFA", "EMAIL_OTP", "SOFTWARE_TOKEN_MFA", "SELECT_MFA_TYPE", "MFA_SETUP", "CUSTOM_CHALLENGE",
		"SELECT_CHALLENGE", "DEVICE_SRP_AUTH", "DEVICE_PASSWORD_VERIFIER", "ADMIN_NO_SRP_AUTH", "SMS_OTP",
		"PASSWORD", "WEB_AUTHN", "PASSWORD_SRP":
		// Incognito never issues these challenges yet, so a response to
		// one cannot belong to a live session.
		return nil, errSessionExpired
	default:
		return nil, userpool.Invalid("1 validation error detected: Value '%s' at 'challengeName' failed to satisfy constraint: Member must satisfy enum value set: [SMS_MFA, EMAIL_OTP, SOFTWARE_TOKEN_MFA, SELECT_MFA_TYPE, MFA_SETUP, PASSWORD_VERIFIER, CUSTOM_CHALLENGE, SELECT_CHALLENGE, DEVICE_SRP_AUTH, DEVICE_PASSWORD_VERIFIER, ADMIN_NO_SRP_AUTH, NEW_PASSWORD_REQUIRED, SMS_OTP, PASSWORD, WEB_AUTHN, PASSWORD_SRP]", in.ChallengeName)
	}
}
