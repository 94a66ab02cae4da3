package idp

import "github.com/incognito-idp/incognito/internal/awsjson"

// registerSelf adds the signed-in user's operations on itself (access
// token).
func (a *API) registerSelf(ops map[string]awsjson.Operation) {
	ops["ChangePassword"] = public(awsjson.Typed(a.changePassword))
	ops["UpdateUserAttributes"] = public(awsjson.Typed(a.updateUserAttributes))
	ops["DeleteUserAttributes"] = public(awsjson.Typed(a.deleteUserAttributes))
	ops["DeleteUser"] = public(awsjson.Typed(a.deleteUser))
	ops["GetUserAttributeVerificationCode"] = public(awsjson.Typed(a.getUserAttributeVerificationCode))
	ops["VerifyUserAttribute"] = public(awsjson.Typed(a.verifyUserAttribute))
}
