package idp

import "github.com/incognito-idp/incognito/internal/awsjson"

// registerClients adds the app-client operations.
func (a *API) registerClients(ops map[string]awsjson.Operation) {
	ops["CreateUserPoolClient"] = iam(awsjson.Typed(a.createUserPoolClient))
	ops["DescribeUserPoolClient"] = iam(awsjson.Typed(a.describeUserPoolClient))
	ops["UpdateUserPoolClient"] = iam(awsjson.Typed(a.updateUserPoolClient))
	ops["DeleteUserPoolClient"] = iam(awsjson.Typed(a.deleteUserPoolClient))
	ops["ListUserPoolClients"] = iam(awsjson.Typed(a.listUserPoolClients))
	ops["AddUserPoolClientSecret"] = iam(awsjson.Typed(a.addUserPoolClientSecret))
	ops["DeleteUserPoolClientSecret"] = iam(awsjson.Typed(a.deleteUserPoolClientSecret))
	ops["ListUserPoolClientSecrets"] = iam(awsjson.Typed(a.listUserPoolClientSecrets))
}
