package idp

import "github.com/incognito-idp/incognito/internal/awsjson"

// registerSignUp adds sign-up, confirmation and password recovery.
func (a *API) registerSignUp(ops map[string]awsjson.Operation) {
	ops["SignUp"] = public(awsjson.Typed(a.signUp))
	ops["ConfirmSignUp"] = public(awsjson.Typed(a.confirmSignUp))
	ops["ResendConfirmationCode"] = public(awsjson.Typed(a.resendConfirmationCode))
	ops["ForgotPassword"] = public(awsjson.Typed(a.forgotPassword))
	ops["ConfirmForgotPassword"] = public(awsjson.Typed(a.confirmForgotPassword))
	ops["AdminResetUserPassword"] = iam(awsjson.Typed(a.adminResetUserPassword))
}
