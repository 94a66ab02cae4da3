package idp

import "github.com/incognito-idp/incognito/internal/awsjson"

// registerPools adds the user-pool management operations.
func (a *API) registerPools(ops map[string]awsjson.Operation) {
	ops["CreateUserPool"] = iam(awsjson.Typed(a.createUserPool))
	ops["DescribeUserPool"] = iam(awsjson.Typed(a.describeUserPool))
	ops["UpdateUserPool"] = iam(awsjson.Typed(a.updateUserPool))
	ops["DeleteUserPool"] = iam(awsjson.Typed(a.deleteUserPool))
	ops["ListUserPools"] = iam(awsjson.Typed(a.listUserPools))
	ops["AddCustomAttributes"] = iam(awsjson.Typed(a.addCustomAttributes))
	ops["GetUserPoolMfaConfig"] = iam(awsjson.Typed(a.getUserPoolMfaConfig))
	ops["SetUserPoolMfaConfig"] = iam(awsjson.Typed(a.setUserPoolMfaConfig))
}
