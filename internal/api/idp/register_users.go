package idp

import "github.com/incognito-idp/incognito/internal/awsjson"

// registerUsers adds the user administration operations.
func (a *API) registerUsers(ops map[string]awsjson.Operation) {
	ops["AdminCreateUser"] = iam(awsjson.Typed(a.adminCreateUser))
	ops["AdminGetUser"] = iam(awsjson.Typed(a.adminGetUser))
	ops["AdminDeleteUser"] = iam(awsjson.Typed(a.adminDeleteUser))
	ops["AdminDisableUser"] = iam(awsjson.Typed(a.adminDisableUser))
	ops["AdminEnableUser"] = iam(awsjson.Typed(a.adminEnableUser))
	ops["AdminUpdateUserAttributes"] = iam(awsjson.Typed(a.adminUpdateUserAttributes))
	ops["AdminDeleteUserAttributes"] = iam(awsjson.Typed(a.adminDeleteUserAttributes))
	ops["AdminSetUserPassword"] = iam(awsjson.Typed(a.adminSetUserPassword))
	ops["AdminConfirmSignUp"] = iam(awsjson.Typed(a.adminConfirmSignUp))
	ops["ListUsers"] = iam(awsjson.Typed(a.listUsers))
}
