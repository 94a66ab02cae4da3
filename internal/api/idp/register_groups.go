package idp

import "github.com/incognito-idp/incognito/internal/awsjson"

// registerGroups adds the group operations.
func (a *API) registerGroups(ops map[string]awsjson.Operation) {
	ops["CreateGroup"] = iam(awsjson.Typed(a.createGroup))
	ops["GetGroup"] = iam(awsjson.Typed(a.getGroup))
	ops["UpdateGroup"] = iam(awsjson.Typed(a.updateGroup))
	ops["DeleteGroup"] = iam(awsjson.Typed(a.deleteGroup))
	ops["ListGroups"] = iam(awsjson.Typed(a.listGroups))
	ops["ListUsersInGroup"] = iam(awsjson.Typed(a.listUsersInGroup))
	ops["AdminAddUserToGroup"] = iam(awsjson.Typed(a.adminAddUserToGroup))
	ops["AdminRemoveUserFromGroup"] = iam(awsjson.Typed(a.adminRemoveUserFromGroup))
	ops["AdminListGroupsForUser"] = iam(awsjson.Typed(a.adminListGroupsForUser))
}
